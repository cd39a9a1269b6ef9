namespace IdentityProvider.HardwareTokens;

/// <summary>Where a token of the inventory stands, as stored and as the admin API names it.</summary>
public static class HardwareTokenStatus
{
    /// <summary>Registered, held by nobody: may be assigned.</summary>
    public const string InStock = "in-stock";

    /// <summary>One OTP device of its user: its codes sign in.</summary>
    public const string Assigned = "assigned";

    /// <summary>Refused at sign-in until enabled again (back to its holder, or to stock).</summary>
    public const string Disabled = "disabled";

    /// <summary>Refused for good: never assigned again unless deleted and registered anew.</summary>
    public const string Lost = "lost";

    public static readonly IReadOnlyList<string> All = [InStock, Assigned, Disabled, Lost];

    /// <summary>The status as a person reads it.</summary>
    public static string Describe(string status) => status switch
    {
        InStock => "In stock",
        Assigned => "Assigned",
        Disabled => "Disabled",
        Lost => "Lost",
        _ => status,
    };
}
