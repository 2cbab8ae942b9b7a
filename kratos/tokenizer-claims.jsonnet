// Claims mapper of the "jwt_example" tokenizer template (kratos.yml): adds what a MicroProfile JWT consumer
// expects (upn, groups, email) to the claims Kratos always sets (iss, sub, sid, jti, iat, nbf, exp).
local claims = std.extVar('claims');
local session = std.extVar('session');
local traits = session.identity.traits;
// Roles live in metadata_public, which only the admin API writes (traits are the user's to edit).
local metadata = if std.objectHas(session.identity, 'metadata_public') && session.identity.metadata_public != null
  then session.identity.metadata_public else {};
{
  claims: claims {
    upn: traits.email,
    email: traits.email,
    groups: if std.objectHas(metadata, 'roles') then metadata.roles else [],
    aud: 'ory-session-example',
  },
}
