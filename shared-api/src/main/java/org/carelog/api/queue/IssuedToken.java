package org.carelog.api.queue;

import java.util.UUID;

/** What issuing a token answers: the token, the number to print ({@code MED1-042}) and its journey. */
public record IssuedToken(TokenId tokenId, String label, UUID journeyId) {}
