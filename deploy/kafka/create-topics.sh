#!/bin/bash
# Creates laborwatch's topics (idempotent). Usage: create-topics.sh BOOTSTRAP [PARTITIONS] [REPLICATION]
set -euo pipefail
bootstrap="$1"; partitions="${2:-2}"; replication="${3:-1}"
topics=/opt/kafka/bin/kafka-topics.sh
create() { "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$1" \
  --partitions "$2" --replication-factor "$replication" "${@:3}"; }
create laborwatch.observations "$partitions" --config max.message.bytes=16777216
create laborwatch.policies 1 --config cleanup.policy=compact
create laborwatch.policies-applied 1
create laborwatch.triggers "$partitions"
create laborwatch.metrics "$partitions"
create laborwatch.dead-letter "$partitions"
# The notifier (laborwatch notify, docs/subscribers.md): subscriber updates (compacted, keyed by
# subscriber id) and their acknowledgements, the delivery log, and the webhook dead letters.
create laborwatch.subscribers 1 --config cleanup.policy=compact
create laborwatch.subscribers-applied 1
create laborwatch.deliveries "$partitions"
create laborwatch.webhook-dead-letter "$partitions"
