namespace IdentityProvider.Settings;

/// <summary>
/// <c>Administration:*</c>: defaults of the administrators' own rules. <c>SignInAsUser</c> (administrators may sign in as
/// a user) is on in Development only, unless set; the policy page changes it while the provider runs.
/// </summary>
public sealed record AdministrationSettings(bool SignInAsUser)
{
    public static AdministrationSettings Load(IConfiguration configuration, IHostEnvironment environment) =>
        new(SettingsReader.Bool(configuration.GetSection("Administration"), "SignInAsUser", environment.IsDevelopment()));
}
