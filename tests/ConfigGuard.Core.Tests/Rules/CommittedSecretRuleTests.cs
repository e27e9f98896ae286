using ConfigGuard.Core.Model;
using ConfigGuard.Core.Engine;
using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>
/// CG0013 in every shape: passwords in connection strings and URLs, more provider formats, and secrets recognised by
/// their key. Values are invented here (random-looking strings typed for these tests), never taken from a repository.
/// </summary>
public class CommittedSecretRuleTests
{
    private static IReadOnlyList<Finding> CG0013(params (string Path, string Text)[] files) => Scan.Rule("CG0013", files);

    [Theory]
    [InlineData(".env.production", "DB_PASSWORD=Qm7v-Tr2pLx9wZ")]
    [InlineData(".env.staging", "SMTP_PASS=kfwhzqarmbltneyo")]
    [InlineData(".env", "APP_KEY=base64:Zq4R8yXw2mN0pL5tV7uC1sK3jH6gF9dB+aE/oI=")]
    [InlineData(".env.prod", "DJANGO_SECRET_KEY=v3#k9!pq_w2zx8@lr5mt%yb0nc")]
    [InlineData(".env.production", "ENCRYPTION_KEY=8d1f0c7b93ae45d2b6e0f41c")]
    [InlineData(".env.production", "SOCKET_API_TOKEN=1|hQ8wZr3mKv5pTn2xLc7b")]
    public void Flags_a_secret_named_by_its_key_in_a_deployed_file(string path, string line)
    {
        var f = Assert.Single(CG0013((path, line + "\n")));
        Assert.Equal(1, f.Span.StartLine);
        Assert.DoesNotContain(line.Substring(line.IndexOf('=') + 1), f.Message);
    }

    [Fact]
    public void Flags_secrets_named_in_appsettings_sections()
    {
        var json = "{\n  \"Okta\": { \"ApiKey\": \"00Hq7Wv2Lm9Rt4Zx8Kp3Nc6Bd1Fs5Gj0Yh2Ue7Ia\" },\n  \"JwtConfig\": { \"key\": \"c81f4e0a9b27d6e35f0a8c1b4d7e2f96\" },\n  \"Mail\": { \"SmtpPassword\": \"R2d-v9Lq!zTp\" }\n}\n";
        Assert.Equal(new[] { 2, 3, 4 }, CG0013(("appsettings.Production.json", json)).Select(f => f.Span.StartLine));
    }

    [Theory]
    [InlineData("Server=sql-prod-7.westeurope.example.net;Database=orders;User ID=app;Password=Vq4!rT9zLm2x;")]
    [InlineData("Driver={ODBC Driver 18};Server=tcp:orders.example.org,1433;Uid=svc;Pwd=N7w-Kd3pQz8s;")]
    [InlineData("Host=pg.internal.example.com;Username=api;Password='r5Tq;9Lx';Database=core")]
    [InlineData("mongodb+srv://svc:Xp4Lr8Vw2Tz@cluster7.abcde.mongodb.net/app")]
    [InlineData("amqps://worker:Hm3Kq9Zt5Wx@rabbit.example.org:5671/")]
    public void Flags_passwords_inside_connection_strings_and_urls_to_real_hosts(string value)
    {
        var json = "{\n  \"ConnectionStrings\": {\n    \"Main\": \"" + value.Replace("\"", "\\\"") + "\"\n  }\n}\n";
        var f = Assert.Single(CG0013(("appsettings.Staging.json", json)));
        Assert.Equal(3, f.Span.StartLine);
    }

    [Theory]
    [InlineData("STRIPE_WEBHOOK_SECRET_VALUE=whsec_" + "Kq8Lm2Zx7Vp4Rt9Wn3Bc6Yd1Hf5Gs0Ja")]
    [InlineData("OAUTH=GOCSPX-" + "Aq7Rz3Kx9Lm2Vt5Wp8Nc4Bd6Fh1J")]
    [InlineData("MG=key-" + "3f9a0c7e1b2d4f6a8c0e2b4d6f8a0c1e")]
    [InlineData("STORAGE=DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=" + "Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4fGh7jKl0nOp3rSt6vWx9zAb2dEf5hIj8lMn1pQr4tUv7xYz0bCd3fGh==")]
    public void Flags_more_provider_formats_wherever_they_are(string line)
    {
        Assert.Single(CG0013((".env.development", line + "\n")));
    }

    [Theory]
    [InlineData(".env.production", "DB_PASSWORD=${DB_PASSWORD}")]
    [InlineData(".env.production", "DB_PASSWORD=changeme")]
    [InlineData(".env.production", "DB_PASSWORD=postgres")]
    [InlineData(".env.production", "API_KEY=<your api key>")]
    [InlineData(".env.production", "JWT_SECRET=encrypted:BQk3Rm9xZ2VhbGx5ZW5jcnlwdGVkdmFsdWU=")]
    [InlineData(".env.production", "JWT_SECRET=ENC[AES256_GCM,data:9f8e7d,iv:abc,tag:def,type:str]")]
    [InlineData(".env.production", "DB_PASSWORD=@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db)")]
    [InlineData(".env.production", "NEXT_PUBLIC_FIREBASE_API_KEY=Hq7Wv2Lm9Rt4Zx8Kp3Nc6")]
    [InlineData(".env.production", "STRIPE_PUBLISHABLE_KEY=Hq7Wv2Lm9Rt4Zx8Kp3Nc6")]
    [InlineData(".env.production", "VITE_MAPS_API_KEY=Hq7Wv2Lm9Rt4Zx8Kp3Nc6")]
    [InlineData(".env.production", "CONTENTFUL_PUBLIC_ACCESS_TOKEN=Hq7Wv2Lm9Rt4Zx8Kp3Nc6")]
    [InlineData(".env.production", "JWT_SECRET=PRODUCTION_SECRET_MUST_BE_LONG")]
    [InlineData(".env.production", "SENDGRID_API_KEY=sendGridApiKey")]
    [InlineData(".env.production", "DB_PASSWORD_FILE=/run/secrets/db_password")]
    [InlineData(".env.production", "CSRF_TOKEN=X-CSRF-Token-Header")]
    [InlineData(".env.production", "PASSWORD_MIN_LENGTH=12")]
    [InlineData(".env.production", "DISCORD_GUEST_PASS=418277093312554006")]
    [InlineData(".env.development", "DB_PASSWORD=Qm7v-Tr2pLx9wZ")]
    [InlineData(".env.example", "DB_PASSWORD=Qm7v-Tr2pLx9wZ")]
    [InlineData(".env.test", "DB_PASSWORD=Qm7v-Tr2pLx9wZ")]
    public void Leaves_references_placeholders_ciphertext_public_keys_and_local_files_alone(string path, string line)
    {
        Assert.Empty(CG0013((path, line + "\n")));
    }

    [Fact]
    public void Leaves_the_password_of_a_local_server_alone()
    {
        Assert.Empty(CG0013((".env.staging", "DB_HOST=127.0.0.1\nDB_PASSWORD=Qm7v-Tr2pLx9wZ\n")));
        Assert.Empty(CG0013((".env", "DATABASE_DSN='mysql:host=localhost;dbname=shop'\nDATABASE_PASSWORD=Qm7v-Tr2pLx9wZ\n")));
        Assert.Empty(CG0013((".env", "DB_HOST=db\nDB_PASSWORD=Qm7v-Tr2pLx9wZ\n")));
        Assert.Single(CG0013((".env.production", "DB_HOST=db\nDB_PASSWORD=Qm7v-Tr2pLx9wZ\n")));
    }

    [Theory]
    [InlineData("Server=(localdb)\\\\mssqllocaldb;Database=shop;User Id=sa;Password=Lq9-Vx2mTz7r;")]
    [InlineData("Server=.\\\\SQLEXPRESS;Database=shop;User Id=sa;Password=Lq9-Vx2mTz7r;")]
    [InlineData("Host=localhost;Username=dev;Password=Lq9-Vx2mTz7r;Database=core")]
    [InlineData("Server=dbServer;Database=dbDataBase;User Id=dbUser;Password=dbPassword;")]
    [InlineData("Server=sql.example.org;Database=shop;User Id=shop;Password=prod_pass;")]
    [InlineData("Server=sql.example.org;Database=shop;Password={0};")]
    [InlineData("Server=sql.example.org;Database=shop;Password=#{DbPassword}#;")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4fGh7jKl0nOp3rSt6vWx9zAb2dEf5hIj8lMn1pQr4tUv7xYz0bCd3fGh==")]
    public void Leaves_local_servers_stand_ins_and_the_storage_emulator_alone(string value)
    {
        var json = "{\n  \"ConnectionStrings\": {\n    \"Main\": \"" + value + "\"\n  }\n}\n";
        Assert.Empty(CG0013(("appsettings.Production.json", json)));
    }

    [Fact]
    public void A_maps_key_under_a_public_name_is_not_a_leak_but_a_secret_format_under_one_still_is()
    {
        Assert.Empty(CG0013((".env.production", "GOOGLE_MAPS_API_PUBLIC_KEY=AIza" + "SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW\n")));
        Assert.Single(CG0013((".env.production", "NEXT_PUBLIC_AWS_KEY=AKIA" + "ABCDEFGHIJKLMNOP\n")));
    }

    [Theory]
    [InlineData(".env.development", "MAIL_HOST=smtp.fastmail.com\nMAIL_PASSWORD=Vt8_2468101214\n")]
    [InlineData(".env.dev", "SMTP_HOST=smtp.gmail.com\nSMTP_PASS=qwhe ktzu pmar odvl\n")]
    [InlineData(".env.test", "REPORTS_DB_HOST=reports-dev.tallow-retail.net\nREPORTS_DB_PASSWORD=Lq9-Vx2mTz7r\n")]
    public void Flags_the_password_of_a_remote_account_in_a_development_or_test_file(string path, string text)
    {
        var f = Assert.Single(CG0013((path, text)));
        Assert.Equal(2, f.Span.StartLine);
    }

    [Theory]
    [InlineData(".env.development", "DB_HOST=localhost\nDB_PASSWORD=Qm7v-Tr2pLx9wZ\n")]
    [InlineData(".env.development", "DB_HOST=postgres\nDB_PASSWORD=Qm7v-Tr2pLx9wZ\n")]
    [InlineData(".env.development", "MAIL_HOST=sandbox.smtp.mailtrap.io\nMAIL_PASSWORD=4f9a0c7e1b2d4f\n")]
    [InlineData(".env.development", "MAIL_HOST=mailpit\nMAIL_PASSWORD=Qm7v-Tr2pLx9wZ\n")]
    [InlineData(".env.development", "MAIL_ADDRESS=dev@example.com\nMAIL_PASSWORD=Qm7v-Tr2pLx9wZ\n")]
    [InlineData(".env.development", "SMTP_HOST=smtp.gmail.com\nSMTP_PASS=changeme\n")]
    [InlineData(".env.development", "SMTP_HOST=smtp.gmail.com\nSMTP_PASS=${SMTP_PASS}\n")]
    [InlineData(".env.example", "SMTP_HOST=smtp.gmail.com\nSMTP_PASS=qwhe ktzu pmar odvl\n")]
    [InlineData(".env.development", "SMTP_HOST=smtp.gmail.com\nSMTP_GREETING=good days make good code\n")]
    [InlineData(".env.production", "SMTP_PASS=this is not one\n")]
    public void Leaves_local_sandbox_and_template_accounts_and_prose_alone(string path, string text)
    {
        Assert.Empty(CG0013((path, text)));
    }

    [Fact]
    public void An_app_password_with_its_spaces_is_a_secret_in_a_deployed_file()
    {
        var json = "{\n  \"Mailer\": {\n    \"User\": \"orders.tallow@gmail.com\",\n    \"Password\": \"zlok fepr tanw qbxc\"\n  }\n}\n";
        var f = Assert.Single(CG0013(("appsettings.json", json)));
        Assert.Equal(4, f.Span.StartLine);
        Assert.DoesNotContain("fepr tanw", f.Message);
    }

    [Fact]
    public void A_json_password_that_starts_with_a_dollar_is_literal_but_a_whole_variable_is_a_reference()
    {
        Assert.Single(CG0013(("appsettings.Production.json", "{\"Mail\":{\"Credential\":\"$kyLark#9Qz!\"}}")));
        Assert.Empty(CG0013(("appsettings.Production.json", "{\"Mail\":{\"Credential\":\"$MAIL_CREDENTIAL\"}}")));
        Assert.Empty(CG0013(("appsettings.Production.json", "{\"Mail\":{\"Credential\":\"${MAIL_CREDENTIAL}\"}}")));
        // a dotenv loader expands a leading $name, so there it stays a reference
        Assert.Empty(CG0013((".env.production", "MAIL_CREDENTIAL=$kyLark#9Qz!\n")));
    }

    [Fact]
    public void A_url_signature_in_base64url_is_a_secret()
    {
        var url = "https://flows.tallow-retail.net/workflows/7e1b/run?api-version=1&sp=%2Frun&sv=1.0&sig=" + "Qw7_Lm2-Zx9Vp4Rt8Wn3Bc6Yd1Hf5Gs0JaKq8Lm2Zx7";
        var f = Assert.Single(CG0013(("appsettings.json", "{\"FlowUrl\":\"" + url + "\"}")));
        Assert.DoesNotContain("Lm2-Zx9Vp4", f.Message);
    }
}
