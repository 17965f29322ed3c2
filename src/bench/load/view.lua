-- GET /api/records/{recordNumber}, a random record of township A (audited read)
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
local c = require("common")
local auth = c.auth("archivist-a", "dangan-demo")
local numbers = c.lines(os.getenv("LOAD_DATA") .. "/records.txt")
request = function()
  return wrk.format("GET", "/api/records/" .. numbers[math.random(#numbers)], { Authorization = auth })
end
done = c.done("record-view")
