namespace IdentityProvider.TwoStep;

/// <summary>The two OATH one-time-password kinds a device can produce.</summary>
public enum OtpType
{
    /// <summary>Time-based (RFC 6238): the moving factor is the current time step.</summary>
    Totp,

    /// <summary>Counter-based (RFC 4226): the moving factor is a counter bumped on each button press.</summary>
    Hotp,
}
