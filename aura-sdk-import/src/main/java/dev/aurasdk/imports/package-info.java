/**
 * Aura import jobs (API {@code v2beta1}): {@link dev.aurasdk.imports.ImportJobs} creates, reads,
 * cancels, awaits and dry-runs jobs of one {@link dev.aurasdk.imports.ProjectRef project};
 * {@link dev.aurasdk.imports.ImportPipeline} runs ordered steps with retries. Models are immutable
 * and never return null. Logging goes to the SLF4J logger {@code dev.aurasdk.imports} at DEBUG, without
 * request bodies or passwords.
 */
package dev.aurasdk.imports;
