-- wrk script: POST /api/orders with a unique Idempotency-Key per request (run id, thread, counter),
-- so every request places a new order. Arguments (after --): the run id, then one or more tokens,
-- used in turn.
local threads = {}
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
  table.insert(threads, thread)
end

local counter = 0
local run_id
local tokens = {}
local body = '{"items":[{"sku":"COFFEE-BEANS-1KG","quantity":2},{"sku":"ESPRESSO-CUP","quantity":1}],"paymentMethod":"tok_visa"}'

function init(args)
  run_id = args[1]
  for i = 2, #args do
    tokens[#tokens + 1] = args[i]
  end
end

function request()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1],
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run_id, thread_id, counter),
  }
  return wrk.format("POST", "/api/orders", headers, body)
end
