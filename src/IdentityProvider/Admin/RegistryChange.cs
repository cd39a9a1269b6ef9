namespace IdentityProvider.Admin;

/// <summary>How a change to a client or a scope (<see cref="ClientAdministration"/>, <see cref="ScopeAdministration"/>) ended.</summary>
public enum RegistryChange
{
    Saved,

    /// <summary>A field is invalid (see the problems): nothing was written.</summary>
    Invalid,

    NotFound,

    /// <summary>Valid, but it contradicts what is stored (a taken id, a scope in use, changed meanwhile): nothing was written.</summary>
    Conflict,
}
