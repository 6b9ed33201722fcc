using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using CxDashboard.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Hosting;

public sealed class DataProtectionSetupTests : IAsyncLifetime
{
    private const string Password = "pfx-password";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cxdashboard-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await TestDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_cookie_protected_by_one_instance_is_read_by_another_with_the_same_certificate_and_not_without_it()
    {
        var certificate = WriteCertificate("keys.pfx", Password);
        using var first = Instance(("DataProtection:CertificatePath", certificate), ("DataProtection:CertificatePassword", Password));
        using var second = Instance(("DataProtection:CertificatePath", certificate), ("DataProtection:CertificatePassword", Password));
        using var withoutCertificate = Instance();

        var cookie = Protector(first).Protect("signed in as Erin Shaw");

        Assert.Equal("signed in as Erin Shaw", Protector(second).Unprotect(cookie));
        Assert.ThrowsAny<CryptographicException>(() => Protector(withoutCertificate).Unprotect(cookie));
    }

    [Fact]
    public async Task Keys_stored_in_the_database_are_encrypted_with_the_certificate()
    {
        var certificate = WriteCertificate("keys.pfx", Password);
        using var instance = Instance(("DataProtection:CertificatePath", certificate), ("DataProtection:CertificatePassword", Password));
        Protector(instance).Protect("anything");

        await using var db = _database.CreateDbContext();
        var stored = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.Contains("EncryptedData", stored.Xml);
        Assert.DoesNotContain("<masterKey", stored.Xml);
    }

    [Fact]
    public void Without_a_certificate_path_keys_are_not_encrypted_and_nothing_is_loaded()
    {
        Assert.Null(DataProtectionSetup.LoadCertificate(Config()));
    }

    [Fact]
    public void A_certificate_path_that_does_not_exist_stops_the_start_with_a_one_line_explanation()
    {
        var missing = Path.Combine(_folder, "missing.pfx");

        var error = Assert.Throws<StartupConfigurationException>(() =>
            DataProtectionSetup.LoadCertificate(Config(("DataProtection:CertificatePath", missing))));

        Assert.Equal($"DataProtection:CertificatePath '{missing}' does not exist: it must name a PKCS#12 (.pfx) file readable by the app.", error.Message);
    }

    [Fact]
    public void A_wrong_certificate_password_stops_the_start_and_says_which_settings_to_check()
    {
        var certificate = WriteCertificate("keys.pfx", Password);

        var error = Assert.Throws<StartupConfigurationException>(() => DataProtectionSetup.LoadCertificate(
            Config(("DataProtection:CertificatePath", certificate), ("DataProtection:CertificatePassword", "not-the-password"))));

        Assert.Contains("could not be opened", error.Message);
        Assert.Contains("DataProtection:CertificatePassword", error.Message);
        Assert.DoesNotContain("not-the-password", error.Message);
    }

    [Fact]
    public void A_certificate_without_an_rsa_key_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=CX Dashboard data protection", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var path = Path.Combine(_folder, "ec.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));

        var error = Assert.Throws<StartupConfigurationException>(() => DataProtectionSetup.LoadCertificate(
            Config(("DataProtection:CertificatePath", path), ("DataProtection:CertificatePassword", Password))));

        Assert.Contains("holds no RSA private key", error.Message);
    }

    [Fact]
    public void A_password_without_a_certificate_path_is_refused()
    {
        var error = Assert.Throws<StartupConfigurationException>(() =>
            DataProtectionSetup.LoadCertificate(Config(("DataProtection:CertificatePassword", Password))));

        Assert.StartsWith("DataProtection:CertificatePassword is set but DataProtection:CertificatePath is empty", error.Message);
    }

    private ServiceProvider Instance(params (string Key, string? Value)[] settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDbContextFactory<CxDbContext>>(_database);
        services.AddScoped(_ => _database.CreateDbContext());
        services.AddCxDataProtection(Config(settings));
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider instance) =>
        instance.GetRequiredService<IDataProtectionProvider>().CreateProtector("session cookie");

    private string WriteCertificate(string name, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CX Dashboard data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
