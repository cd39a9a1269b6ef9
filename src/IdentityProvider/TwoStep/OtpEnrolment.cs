using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
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

/// <summary>Why an enrolment step was refused.</summary>
public enum OtpEnrolmentProblem
{
    /// <summary>The device name (<see cref="OtpEnrolmentError.NameError"/> says how).</summary>
    Name,

    /// <summary>The policy allows counter-based apps only.</summary>
    TotpNotAllowed,

    /// <summary>The policy allows time-based apps only.</summary>
    HotpNotAllowed,

    /// <summary>The (first) code is malformed (<see cref="OtpEnrolmentError.CodeError"/>).</summary>
    Code,

    /// <summary>The second code of a counter-based app is malformed (<see cref="OtpEnrolmentError.CodeError"/>).</summary>
    NextCode,

    /// <summary>The code does not match the new key.</summary>
    CodeMismatch,

    /// <summary>The two codes are not consecutive codes of the new key.</summary>
    CodesMismatch,
}

/// <summary>A refused enrolment step, for both enrolment pages and what the reader is told about it.</summary>
public sealed record OtpEnrolmentError(OtpEnrolmentProblem Problem, DisplayTextError NameError = default, OtpCodeError CodeError = default)
{
    /// <summary>The key prefix of the device name's messages.</summary>
    public const string DeviceNameTexts = "DeviceName";

    public Sentence Message => Problem switch
    {
        OtpEnrolmentProblem.Name => NameError.Message!,
        OtpEnrolmentProblem.Code => CodeError.Message!,
        OtpEnrolmentProblem.NextCode => new Sentence("OtpEnrolment.NextCodeError", CodeError.Message),
        _ => new Sentence("OtpEnrolment." + Problem),
    };
}

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
    public async Task<(OtpEnrolmentView? View, OtpEnrolmentError? Error)> TryBeginAsync(ApplicationUser user, OtpEnrolmentInput input)
    {
        if (!DisplayText.TryNormalize(input.Name, OtpEnrolmentError.DeviceNameTexts, MaxNameLength, out var name, out var nameError))
        {
            return (null, new OtpEnrolmentError(OtpEnrolmentProblem.Name, NameError: nameError));
        }

        var type = Enum.IsDefined(input.Type) ? input.Type : OtpType.Totp;
        if (!policy.Allows(type))
        {
            return (null, new OtpEnrolmentError(type == OtpType.Totp ? OtpEnrolmentProblem.TotpNotAllowed : OtpEnrolmentProblem.HotpNotAllowed));
        }

        return (await BeginAsync(user, name, type), null);
    }

    /// <summary>Activates the device from the confirm form; null on success, else why not (the view is shown again).</summary>
    public async Task<OtpEnrolmentError?> TryConfirmAsync(ApplicationUser user, OtpEnrolmentView view, OtpEnrolmentInput input)
    {
        if (!OtpCodeInput.TryNormalize(input.FirstCode, view.Digits, out var first, out var error))
        {
            return new OtpEnrolmentError(OtpEnrolmentProblem.Code, CodeError: error);
        }

        string? second = null;
        if (view.NeedsTwoCodes && !OtpCodeInput.TryNormalize(input.SecondCode, view.Digits, out second, out error))
        {
            return new OtpEnrolmentError(OtpEnrolmentProblem.NextCode, CodeError: error);
        }

        return await ConfirmAsync(user, view.DeviceId, first, second)
            ? null
            : new OtpEnrolmentError(view.NeedsTwoCodes ? OtpEnrolmentProblem.CodesMismatch : OtpEnrolmentProblem.CodeMismatch);
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
