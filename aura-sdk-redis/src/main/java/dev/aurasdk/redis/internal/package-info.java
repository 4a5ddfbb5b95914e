/** Internals of the Redis module. Not API. */
package dev.aurasdk.redis.internal;
