-- Removes the pgbench baseline's scratch schema (pgbench -t 1 -c 1 -f this file).
DROP SCHEMA IF EXISTS capacity_bench CASCADE;
