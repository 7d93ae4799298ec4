#!/bin/sh
# Registers the app's namespace once the server answers; an existing namespace is left as it is.
set -eu

attempt=1
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
  if [ "$attempt" -ge 60 ]; then
    echo "Temporal at $TEMPORAL_ADDRESS did not become healthy" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done

if output=$(temporal operator namespace create --address "$TEMPORAL_ADDRESS" \
  -n "$TEMPORAL_NAMESPACE" --retention "$NAMESPACE_RETENTION" 2>&1); then
  echo "Created namespace $TEMPORAL_NAMESPACE"
elif echo "$output" | grep -qi 'already exists'; then
  echo "Namespace $TEMPORAL_NAMESPACE already exists"
else
  echo "$output" >&2
  exit 1
fi
