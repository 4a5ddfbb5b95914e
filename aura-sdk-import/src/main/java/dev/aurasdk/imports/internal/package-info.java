/** Internals of the import module. Not API: may change in any release. */
package dev.aurasdk.imports.internal;
