#!/bin/bash
# Runs once when the InfluxDB 2.x container initialises: maps the v1 database "laborwatch" (and its
# "autogen" retention policy) to the bucket, so Grafana's InfluxQL queries reach it.
set -euo pipefail
bucket_id=$(influx bucket list --org "$DOCKER_INFLUXDB_INIT_ORG" --name "$DOCKER_INFLUXDB_INIT_BUCKET" --hide-headers | awk '{print $1}')
influx v1 dbrp create --org "$DOCKER_INFLUXDB_INIT_ORG" --db laborwatch --rp autogen --default --bucket-id "$bucket_id"
