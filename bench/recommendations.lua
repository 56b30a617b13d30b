-- wrk request generator: recommendations for guests 1..GUESTS (env, default
-- 20000) in turn, cycling through no course and each course, so requests hit
-- guests with long and empty histories alike.
local guests = tonumber(os.getenv("GUESTS") or "20000")
local courses = {"", "&course=starter", "&course=main", "&course=dessert", "&course=drink"}
local n = 0
request = function()
  n = n + 1
  local guest = (n * 7919) % guests + 1
  local path = "/v1/guests/" .. guest .. "/recommendations?k=10" .. courses[n % #courses + 1]
  return wrk.format("GET", path)
end
