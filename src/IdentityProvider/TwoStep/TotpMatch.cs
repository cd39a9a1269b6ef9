namespace IdentityProvider.TwoStep;

/// <summary>
/// An accepted TOTP: the time step whose code matched (store it as the device's last accepted
/// step) and the device's clock offset in steps (store it as its drift).
/// </summary>
public readonly record struct TotpMatch(long Step, long DriftSteps);
