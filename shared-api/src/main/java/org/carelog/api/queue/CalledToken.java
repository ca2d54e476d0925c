package org.carelog.api.queue;

/** What calling the next token answers: which token, its printed number, why it was chosen, where to go. */
public record CalledToken(TokenId tokenId, String label, CallReason reason, String counter) {}
