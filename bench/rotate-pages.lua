-- wrk script: each request takes the next "host path" line of the file named by BENCH_TARGETS,
-- so the load rotates over tenants (and over pages within them). Every thread starts at its own
-- place in the list.
local file = os.getenv("BENCH_TARGETS")
local requests = {}
local next_index = 0
local thread_count = 0

function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  for line in io.lines(file) do
    local host, path = line:match("^(%S+)%s+(%S+)$")
    if host then
      requests[#requests + 1] = wrk.format("GET", path, { ["Host"] = host })
    end
  end
  if #requests == 0 then error("no targets in " .. tostring(file)) end
  local id = tonumber(thread_id) or 0
  next_index = (id * 7919) % #requests
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
