package org.carelog.api.clinical;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Writes a section of the notes; after signing it is an amendment and needs {@code reason}. */
public record WriteClinicalNote(
        @TargetAggregateIdentifier EncounterId encounterId, NoteSection section, String text, String reason) {}
