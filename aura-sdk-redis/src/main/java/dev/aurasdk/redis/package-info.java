/**
 * One Aura access token and one request budget for every process using a credential, kept in Redis:
 * {@link dev.aurasdk.redis.RedisFleet}.
 */
package dev.aurasdk.redis;
