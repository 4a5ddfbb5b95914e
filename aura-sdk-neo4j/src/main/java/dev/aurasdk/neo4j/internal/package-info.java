/** Internals of the neo4j module: not API, may change without notice. */
package dev.aurasdk.neo4j.internal;
