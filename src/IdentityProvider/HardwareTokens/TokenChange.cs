using IdentityProvider.Localization;
namespace IdentityProvider.HardwareTokens;

/// <summary>What a change to a token of the inventory came to.</summary>
public enum TokenChange
{
    Done,

    /// <summary>No token has that serial: nothing was written.</summary>
    NotFound,

    /// <summary>No user has the id or e-mail address given: nothing was written.</summary>
    UnknownUser,

    /// <summary>The token's status or the input refuses it; the message says why and nothing was written.</summary>
    Refused,
}

/// <summary>The outcome of a change, with the reason of a refusal.</summary>
public sealed record TokenChangeResult(TokenChange Outcome, Sentence? Why = null)
{
    public static readonly TokenChangeResult Done = new(TokenChange.Done);

    public static readonly TokenChangeResult NotFound = new(TokenChange.NotFound);

    public static TokenChangeResult Refused(Sentence why) => new(TokenChange.Refused, why);
}
