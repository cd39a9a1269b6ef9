namespace IdentityProvider.Connect;

/// <summary>The consent page posts its decision back to the authorization endpoint in this field.</summary>
public static class ConsentForm
{
    public const string DecisionField = "consent_decision";
    public const string Accept = "accept";
    public const string Deny = "deny";
}
