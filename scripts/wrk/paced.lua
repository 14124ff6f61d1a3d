-- wrk script for the load figures (scripts/load-palmares.sh, scripts/load-vote.sh): paces every connection so the
-- run offers a fixed rate, and counts what the figures need beyond wrk's own report.
--
--   WRK_GAP_MS   pause of each connection between two requests (rate offered ~ connections x 1000 / (gap + latency))
--   WRK_CAST     if set to a comma-separated list of nomination ids: each request casts a public vote
--                (POST /api/v1/editions/TC<year>/votes) for the next id with a new address
--   WRK_EDITION  edition code of the vote (default TC and this year, the live demo edition), WRK_CATEGORY its category (default CDC)
--
-- Prints, after wrk's report, the answers by status and the number of session cookies received (must be 0).

local gap = tonumber(os.getenv("WRK_GAP_MS") or "0")
local cast = os.getenv("WRK_CAST")
local edition = os.getenv("WRK_EDITION") or ("TC" .. os.date("%Y"))
local category = os.getenv("WRK_CATEGORY") or "CDC"
local threads = {}
local counter = 1

function setup(thread)
    thread:set("id", counter)
    table.insert(threads, thread)
    counter = counter + 1
end

function init(args)
    statuses = {}
    sessions = 0
    sequence = 0
    ids = {}
    if cast then
        for n in string.gmatch(cast, "[^,]+") do table.insert(ids, n) end
    end
    run = tostring(os.time())
end

function delay()
    return gap
end

function request()
    if not cast then
        return wrk.format(nil)
    end
    sequence = sequence + 1
    local body = string.format(
        '{"category":"%s","nomination":%s,"email":"wrk-%s-%d-%d@example.org"}',
        category, ids[(sequence % #ids) + 1], run, id, sequence)
    return wrk.format("POST", "/api/v1/editions/" .. edition .. "/votes",
        { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
    for name, value in pairs(headers) do
        if string.lower(name) == "set-cookie" and string.find(value, "JSESSIONID", 1, true) then
            sessions = sessions + 1
        end
    end
end

function done(summary, latency, requests)
    local total, cookies = {}, 0
    for _, thread in ipairs(threads) do
        local s = thread:get("statuses")
        for status, n in pairs(s) do total[status] = (total[status] or 0) + n end
        cookies = cookies + thread:get("sessions")
    end
    local parts = {}
    for status, n in pairs(total) do table.insert(parts, status .. ": " .. n) end
    table.sort(parts)
    io.write(string.format("answers by status: %s; session cookies: %d; socket errors: connect %d, read %d, write %d, timeout %d\n",
        table.concat(parts, ", "), cookies, summary.errors.connect, summary.errors.read, summary.errors.write,
        summary.errors.timeout))
    io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d requests in %.1f s = %.0f req/s\n",
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
end
