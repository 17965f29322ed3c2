-- POST /engine-rest/task/{id}/complete: an archivist confirms a death reported by the civil
-- registration, one task after another (each id once), paced so the tasks last the run
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
local c = require("common")
local auth = c.auth("archivist-a", "dangan-demo")
local ids = c.lines(os.getenv("LOAD_DATA") .. "/tasks.txt")
local next_id = 0
local body = '{"variables": {"note": {"value": "死亡医学证明已核对", "type": "String"}}}'
request = function()
  next_id = next_id + 1
  return wrk.format("POST", "/engine-rest/task/" .. ids[(next_id - 1) % #ids + 1] .. "/complete",
    { Authorization = auth, ["Content-Type"] = "application/json" }, body)
end
delay = function()
  return tonumber(os.getenv("TASK_DELAY_MS") or "1000")
end
done = c.done("task-complete")
