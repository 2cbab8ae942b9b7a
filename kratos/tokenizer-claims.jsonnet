// Claims mapper of the "jwt_example" tokenizer template (kratos.yml): adds what a MicroProfile JWT consumer
// expects (upn, groups, email) to the claims Kratos always sets (iss, sub, sid, jti, iat, nbf, exp).
local claims = std.extVar('claims');
local session = std.extVar('session');
local traits = session.identity.traits;
{
  claims: claims {
    upn: traits.email,
    email: traits.email,
    groups: if std.objectHas(traits, 'roles') then traits.roles else [],
    aud: 'ory-session-example',
  },
}
