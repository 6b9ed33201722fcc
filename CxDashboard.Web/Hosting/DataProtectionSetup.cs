using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// The keys that protect session and antiforgery cookies: kept in the database, so that every instance behind
/// the proxy reads the cookies of the others, and encrypted there with a certificate when
/// <c>DataProtection:CertificatePath</c> is set, so that a copy of the database alone opens no cookie.
/// </summary>
public static class DataProtectionSetup
{
    public const string Section = "DataProtection";

    public static IServiceCollection AddCxDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("CxDashboard")
            .PersistKeysToDbContext<CxDbContext>();
        if (LoadCertificate(configuration) is { } certificate)
        {
            // Also registers the certificate for decryption, so no certificate store is needed on Linux.
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        return services;
    }

    /// <summary>The certificate named by <c>DataProtection:CertificatePath</c>, or null when none is configured.</summary>
    public static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var path = section["CertificatePath"];
        var password = section["CertificatePassword"];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!string.IsNullOrEmpty(password))
            {
                throw new StartupConfigurationException(
                    "DataProtection:CertificatePassword is set but DataProtection:CertificatePath is empty: set the path of the .pfx file it opens.");
            }
            return null;
        }
        if (!File.Exists(path))
        {
            throw new StartupConfigurationException(
                $"DataProtection:CertificatePath '{path}' does not exist: it must name a PKCS#12 (.pfx) file readable by the app.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException)
        {
            throw new StartupConfigurationException(
                $"DataProtection:CertificatePath '{path}' could not be opened: it must be a PKCS#12 (.pfx) file and DataProtection:CertificatePassword its password.");
        }
        // Keys are encrypted with XML encryption, which wraps them with an RSA key.
        using var privateKey = certificate.GetRSAPrivateKey();
        if (privateKey is null)
        {
            certificate.Dispose();
            throw new StartupConfigurationException(
                $"DataProtection:CertificatePath '{path}' holds no RSA private key: the keys are encrypted with an RSA certificate and read back with its private key.");
        }
        return certificate;
    }
}
