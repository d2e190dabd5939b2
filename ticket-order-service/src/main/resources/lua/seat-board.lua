-- Put before each script that changes a seat (SeatInventory): keeps the seat board in step with the seats hash
-- (docs/ARCHITECTURE.md §4 "The seat board"). KEYS[3] the grid (seat id -> index on the board), KEYS[4] the board.
-- A board exists only once the program service built it; a seat it cannot place (not in the grid) means the board
-- no longer matches the seats, so it is deleted and built anew on the next read. Display only: the seats hash decides.
local BOARD_HEADER = 16
local board_kept = redis.call('EXISTS', KEYS[4]) == 1
local function board_mark(seat, value)
  if not board_kept then
    return
  end
  local index = redis.call('HGET', KEYS[3], seat)
  if not index then
    redis.call('DEL', KEYS[4])
    board_kept = false
    return
  end
  local code = 'L'
  if value == 'A' then
    code = 'A'
  elseif string.sub(value, 1, 2) == 'S:' then
    code = 'S'
  end
  redis.call('SETRANGE', KEYS[4], BOARD_HEADER + tonumber(index), code)
end

