-- POST /engine-rest/task/{id}/complete: an archivist confirms a death reported by the civil
-- registration, one task after another (each id once), paced so the tasks last the run.
-- TASK_LOG=<file> writes "<ms since the epoch> <task id>" as each request is sent, to set beside
-- the node's access log (issue 21: where a completion's time goes)
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
local c = require("common")
local auth = c.auth("archivist-a", "dangan-demo")
local ids = c.lines(os.getenv("LOAD_DATA") .. "/tasks.txt")
-- TASK_SKIP: the tasks an earlier run (the warm-up) completed
local next_id = tonumber(os.getenv("TASK_SKIP") or "0")
local body = '{"variables": {"note": {"value": "死亡医学证明已核对", "type": "String"}}}'
local log = os.getenv("TASK_LOG") and io.open(os.getenv("TASK_LOG"), "a")
local now_ms
if log then
  local ffi = require("ffi")
  ffi.cdef [[ typedef struct { long tv_sec; long tv_usec; } dangan_timeval;
              int gettimeofday(dangan_timeval *tv, void *tz); ]]
  local tv = ffi.new("dangan_timeval")
  now_ms = function()
    ffi.C.gettimeofday(tv, nil)
    return tonumber(tv.tv_sec) * 1000 + math.floor(tonumber(tv.tv_usec) / 1000)
  end
end
request = function()
  next_id = next_id + 1
  local id = ids[(next_id - 1) % #ids + 1]
  if log then
    log:write(string.format("%d %s\n", now_ms(), id))
    log:flush()
  end
  return wrk.format("POST", "/engine-rest/task/" .. id .. "/complete",
    { Authorization = auth, ["Content-Type"] = "application/json" }, body)
end
delay = function()
  return tonumber(os.getenv("TASK_DELAY_MS") or "1000")
end
done = c.done("task-complete")
