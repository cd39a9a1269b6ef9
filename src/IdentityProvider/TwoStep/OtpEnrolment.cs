using IdentityProvider.Data.Entities;
using IdentityProvider.Settings;
using IdentityProvider.Text;

namespace IdentityProvider.TwoStep;

/// <summary>What the enrolment page shows: the QR code, the key URI and the data for manual entry.</summary>
public sealed record OtpEnrolmentView(
    Guid DeviceId,
    string DeviceName,
    string TypeLabel,
    string Issuer,
    string AccountName,
    string SecretForDisplay,
    string KeyUri,
    string QrCodeSvg,
    int Digits,
    bool NeedsTwoCodes);

/// <summary>
/// Adding an authenticator app, shared by the account page and the enrolment during sign-in: an inactive
/// device with a fresh secret, shown once, activated only by a matching code (two consecutive ones for HOTP).
/// </summary>
public sealed class OtpEnrolment(OtpDevices devices, TwoStepPolicy policy, IHttpContextAccessor httpContextAccessor, ProviderSettings settings)
{
    public const int MaxNameLength = 50;

    public async Task<OtpEnrolmentView> BeginAsync(ApplicationUser user, string name, OtpType type)
    {
        var parameters = type == OtpType.Hotp ? OtpParameters.DefaultHotp : OtpParameters.DefaultTotp;
        var (device, secret) = await devices.BeginEnrolmentAsync(user.Id, name, parameters);
        return View(user, device, secret);
    }

    /// <summary>The same enrolment again (after a wrong code); null when it is not the user's or already done.</summary>
    public async Task<OtpEnrolmentView?> ResumeAsync(ApplicationUser user, Guid deviceId) =>
        await devices.FindPendingAsync(user.Id, deviceId) is { } pending ? View(user, pending.Device, pending.Secret) : null;

    public Task<bool> ConfirmAsync(ApplicationUser user, Guid deviceId, string firstCode, string? secondCode) =>
        devices.ConfirmEnrolmentAsync(user.Id, deviceId, firstCode, secondCode);

    /// <summary>Starts an enrolment from the first form; the error is for the page when the input is not valid.</summary>
    public async Task<(OtpEnrolmentView? View, string? Error)> TryBeginAsync(ApplicationUser user, OtpEnrolmentInput input)
    {
        if (!DisplayText.TryNormalize(input.Name, "a name for the device", MaxNameLength, out var name, out var error))
        {
            return (null, error);
        }

        var type = Enum.IsDefined(input.Type) ? input.Type : OtpType.Totp;
        if (!policy.Allows(type))
        {
            return (null, type == OtpType.Totp
                ? "Time-based (TOTP) apps are not allowed here: choose counter-based (HOTP)."
                : "Counter-based (HOTP) apps are not allowed here: choose time-based (TOTP).");
        }

        return (await BeginAsync(user, name, type), null);
    }

    /// <summary>Activates the device from the confirm form; null on success, else the message (the view is shown again).</summary>
    public async Task<string?> TryConfirmAsync(ApplicationUser user, OtpEnrolmentView view, OtpEnrolmentInput input)
    {
        if (!OtpCodeInput.TryNormalize(input.FirstCode, view.Digits, out var first, out var error))
        {
            return error;
        }

        string? second = null;
        if (view.NeedsTwoCodes && !OtpCodeInput.TryNormalize(input.SecondCode, view.Digits, out second, out error))
        {
            return "Next code: " + error;
        }

        return await ConfirmAsync(user, view.DeviceId, first, second)
            ? null
            : view.NeedsTwoCodes
                ? "The codes do not match this key. Enter two codes shown one after the other."
                : "The code does not match this key. Check the device's clock and enter the current code.";
    }

    private OtpEnrolmentView View(ApplicationUser user, OtpDevice device, byte[] secret)
    {
        var parameters = OtpDeviceSecrets.ParametersOf(device);
        var issuer = Issuer();
        var account = user.Email ?? user.UserName ?? user.Id;
        var keyUri = OtpKeyUri.Create(parameters, issuer, account, secret);
        return new OtpEnrolmentView(
            device.Id,
            device.Name,
            parameters.Type == OtpType.Hotp ? "Counter-based (HOTP)" : "Time-based (TOTP)",
            issuer,
            account,
            OtpSecret.ToDisplayForm(secret),
            keyUri,
            QrCodeSvg.Render(keyUri),
            parameters.Digits,
            parameters.Type == OtpType.Hotp);
    }

    /// <summary>
    /// The site address users see in their app: the provider's host, without scheme or port (the key URI
    /// format allows no ':' in the issuer).
    /// </summary>
    private string Issuer() =>
        settings.Server.Issuer?.Host
        ?? httpContextAccessor.HttpContext?.Request.Host.Host
        ?? "IdentityProvider";
}
