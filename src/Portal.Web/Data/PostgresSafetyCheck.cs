using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Web.Data;

/// <summary>
/// Row-level security is the second lock on tenant data, and it does not bind superusers,
/// roles with BYPASSRLS or table owners. At start-up, through the application's own connection,
/// this refuses to go on when the role is any of those, or when a tenant-owned table lacks
/// forced row-level security or its <c>tenant_isolation</c> policy, or when the role may update
/// or delete audit rows (the trail is insert-only for the application).
/// </summary>
public static class PostgresSafetyCheck
{
    public static async Task VerifyAsync(PortalDbContext appContext, string policyName, CancellationToken cancellationToken = default)
    {
        var tables = appContext.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.GetTableName() is not null)
            .Select(t => t.GetTableName()!)
            .Distinct()
            .ToList();
        var connection = appContext.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var problems = new List<string>();
            await using (var role = Command(connection, "SELECT current_user::text, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"))
            await using (var reader = await role.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (reader.GetBoolean(1))
                    {
                        problems.Add($"role {reader.GetString(0)} is a superuser");
                    }

                    if (reader.GetBoolean(2))
                    {
                        problems.Add($"role {reader.GetString(0)} has BYPASSRLS");
                    }
                }
            }

            await using (var owned = Command(connection, """
                SELECT c.relname::text, pg_get_userbyid(c.relowner) = current_user, c.relrowsecurity, c.relforcerowsecurity,
                       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = @policy)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r'
                """, ("policy", policyName)))
            await using (var reader = await owned.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var table = reader.GetString(0);
                    if (reader.GetBoolean(1))
                    {
                        problems.Add($"the application role owns table {table}");
                    }

                    if (tables.Contains(table) && !(reader.GetBoolean(2) && reader.GetBoolean(3) && reader.GetBoolean(4)))
                    {
                        problems.Add($"tenant-owned table {table} lacks forced row-level security or its {policyName} policy");
                    }
                }
            }

            await using (var audit = Command(connection,
                "SELECT has_table_privilege(current_user, @table, 'UPDATE') OR has_table_privilege(current_user, @table, 'DELETE') OR has_table_privilege(current_user, @table, 'TRUNCATE')",
                ("table", "\"" + AuditModel.TableName + "\"")))
            {
                if (await audit.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                {
                    problems.Add($"the application role may update or delete the audit trail ({AuditModel.TableName}): revoke UPDATE, DELETE, TRUNCATE");
                }
            }

            if (problems.Count > 0)
            {
                throw new InvalidOperationException(
                    "Không khởi động: vai trò PostgreSQL của ứng dụng vượt qua được lớp bảo vệ dữ liệu theo đơn vị (row-level security). " +
                    "Refusing to start: " + string.Join("; ", problems) + ". Connect as a role that is NOSUPERUSER NOBYPASSRLS and owns no table (see docs/operations.md).");
            }
        }
        finally
        {
            if (!wasOpen)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The SCRAM-SHA-256 verifier PostgreSQL stores for <paramref name="password"/>, so a role's
    /// password can be set without the password itself ever appearing in SQL text (server logs,
    /// pg_stat_statements). No SASLprep: passwords are used as their UTF-8 bytes.
    /// </summary>
    public static string ScramVerifier(string password, int iterations = 4096)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
