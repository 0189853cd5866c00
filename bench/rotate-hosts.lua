-- wrk script: every request goes to the same path but the Host header rotates over
-- <prefix>1..<prefix>N.<base>, so the load is spread across all provisioned tenants.
-- Settings come from the environment (wrk passes no arguments to init in older builds):
--   BENCH_N       number of tenants (required, >= 1)
--   BENCH_BASE    base domain (default thainguyen.localhost)
--   BENCH_PREFIX  host label prefix (default donvi)
--   BENCH_PATH    request path (default /)
local n = tonumber(os.getenv("BENCH_N") or "1")
local base = os.getenv("BENCH_BASE") or "thainguyen.localhost"
local prefix = os.getenv("BENCH_PREFIX") or "donvi"
local path = os.getenv("BENCH_PATH") or "/"

local requests = {}
local next_index = 0
local thread_count = 0

-- Give each thread its own starting point so threads do not march in lockstep.
function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  for i = 1, n do
    requests[i] = wrk.format("GET", path, { ["Host"] = prefix .. i .. "." .. base })
  end
  local id = tonumber(thread_id) or 0
  next_index = (id * 7919) % n
end

function request()
  next_index = next_index % n + 1
  return requests[next_index]
end
