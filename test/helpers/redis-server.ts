// Tests start their own redis-server on a free loopback port, the same way the bench does.
export { freePort, startRedis, type TestRedis } from "../../tools/local-redis.js";
