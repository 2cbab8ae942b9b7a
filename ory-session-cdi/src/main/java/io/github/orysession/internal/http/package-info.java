/**
 * Internal, not part of the API: what the library answers a request that may not proceed, whichever entry point
 * (the JAX-RS filter, the exception mapper) met it: browser or API request, the login redirect, the JSON error body.
 */
package io.github.orysession.internal.http;
