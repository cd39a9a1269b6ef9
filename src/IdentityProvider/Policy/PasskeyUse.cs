using System.Text.Json.Serialization;

namespace IdentityProvider.Policy;

/// <summary>What passkeys may do, by policy. Note: passkeys already added are kept whatever it says, and used again when it allows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PasskeyUse>))]
public enum PasskeyUse
{
    /// <summary>Not offered: nobody may add one, and those added are not asked for.</summary>
    Off,

    /// <summary>A second step after the password (or an external provider), beside one-time passwords.</summary>
    SecondStep,

    /// <summary>Also "Sign in with a passkey" without a password: a passkey that verified the user is both steps.</summary>
    Passwordless,
}
