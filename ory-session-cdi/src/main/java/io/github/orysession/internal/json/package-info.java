/**
 * Internal, not part of the API: the library's one JSON stack (JSON-P): the provider looked up once, and the reader
 * of Kratos's session JSON used by whoami, session management and the JCache store.
 */
package io.github.orysession.internal.json;
