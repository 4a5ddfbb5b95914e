/**
 * Internals of the fake Aura server: request pipeline, state, handlers, contract checker. Not a public API: may
 * change without notice.
 */
package dev.aurasdk.testkit.internal;
