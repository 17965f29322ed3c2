-- GET /api/records, a random page of township A's list (20 a page)
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
local c = require("common")
local auth = c.auth("archivist-a", "dangan-demo")
request = function()
  return wrk.format("GET", "/api/records?page=" .. math.random(0, 80) .. "&size=20", { Authorization = auth })
end
done = c.done("record-list")
