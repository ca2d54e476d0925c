package org.carelog.projection.queue;

import org.springframework.data.jpa.repository.JpaRepository;

/** The queues' call counters. */
interface QueueLineRepository extends JpaRepository<QueueLineEntry, String> {}
