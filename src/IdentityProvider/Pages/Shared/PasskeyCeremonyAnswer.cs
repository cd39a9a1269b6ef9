using System.Text.Json;
using IdentityProvider.Passkeys;
using Microsoft.AspNetCore.Mvc;

namespace IdentityProvider.Pages.Shared;

/// <summary>A begun ceremony as passkeys.js reads it: <c>{"options": {…WebAuthn JSON…}, "state": "…"}</c>, never cached.</summary>
public static class PasskeyCeremonyAnswer
{
    public static ContentResult Of(PasskeyCeremony ceremony) => new()
    {
        // Identity's options are already WebAuthn's JSON: embedded as they are, not re-serialized.
        Content = $"{{\"options\":{ceremony.OptionsJson},\"state\":{JsonSerializer.Serialize(ceremony.State)}}}",
        ContentType = "application/json",
        StatusCode = StatusCodes.Status200OK,
    };
}
