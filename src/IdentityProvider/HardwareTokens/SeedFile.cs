using IdentityProvider.TwoStep;

namespace IdentityProvider.HardwareTokens;

/// <summary>One token read from a vendor's seed file: its serial, how it computes codes, where its counter stands, its seed.</summary>
public sealed record SeedFileToken(string Serial, OtpParameters Parameters, long Counter, byte[] Seed, string? Model);

/// <summary>An entry of a seed file that cannot become a token, with the reason (never the seed).</summary>
public sealed record RejectedSeedEntry(string Serial, string Reason);

/// <summary>What a seed file holds: the tokens to add and the entries refused one by one.</summary>
public sealed record SeedFile(IReadOnlyList<SeedFileToken> Tokens, IReadOnlyList<RejectedSeedEntry> Rejected);

/// <summary>
/// The whole file is refused (it does not parse, a MAC does not match, the pre-shared key does not fit): nothing
/// of it may be imported. The message says why and never contains key material.
/// </summary>
public sealed class SeedFileException(string message) : Exception(message);
