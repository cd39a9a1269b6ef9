using System.Text.Json.Serialization;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;

namespace IdentityProvider.HardwareTokens;

/// <summary>One token read from a vendor's seed file: its serial, how it computes codes, where its counter stands, its seed.</summary>
public sealed record SeedFileToken(string Serial, OtpParameters Parameters, long Counter, byte[] Seed, string? Model);

/// <summary>An entry of a seed file that cannot become a token, with the reason (never the seed).</summary>
/// <param name="Why">The reason, for a page to show in the reader's language.</param>
public sealed record RejectedSeedEntry(string Serial, [property: JsonIgnore] Sentence Why)
{
    /// <summary>The reason in English (the admin API's answer).</summary>
    public string Reason => Why.English;
}

/// <summary>What a seed file holds: the tokens to add and the entries refused one by one.</summary>
public sealed record SeedFile(IReadOnlyList<SeedFileToken> Tokens, IReadOnlyList<RejectedSeedEntry> Rejected);

/// <summary>
/// The whole file is refused (it does not parse, a MAC does not match, the pre-shared key does not fit): nothing
/// of it may be imported. The message says why and never contains key material.
/// </summary>
public sealed class SeedFileException(Sentence why) : Exception(why.English)
{
    /// <summary>The reason, for a page to show in the reader's language (<see cref="Exception.Message"/> is the English).</summary>
    public Sentence Why { get; } = why;

    /// <summary>The refusal of an entry of the file, as the page reads it: an OTP parameter out of range, in the reader's language.</summary>
    public static Sentence OfParameter(ArgumentOutOfRangeException error) =>
        new($"HardwareTokens.Parameter.{error.ParamName}");
}
