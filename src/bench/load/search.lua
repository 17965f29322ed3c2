-- GET /api/search, a term from lab and examination reports
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
local c = require("common")
local auth = c.auth("searcher-a", "dangan-demo")
local terms = { "%E8%A1%80%E5%B8%B8%E8%A7%84", "%E5%BF%83%E7%94%B5%E5%9B%BE", "%E7%99%BD%E7%BB%86%E8%83%9E",
  "%E6%8A%A5%E5%91%8A", "%E6%A3%80%E9%AA%8C" }
request = function()
  return wrk.format("GET", "/api/search?q=" .. terms[math.random(#terms)] .. "&size=20", { Authorization = auth })
end
done = c.done("search")
