using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Infra.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SessionLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempt",
                table: "SessionSteps",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Failures",
                table: "SessionSteps",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "SessionSteps",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RecreateAfterDelete",
                table: "SessionSteps",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Spec",
                table: "SessionSteps",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "AccruedCostUsd",
                table: "Sessions",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "AttentionReason",
                table: "Sessions",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CleanUpOnFailure",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "CostingSince",
                table: "Sessions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "IdleStopAt",
                table: "Sessions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "IdleTimeout",
                table: "Sessions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LastActivityAt",
                table: "Sessions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LaunchKey",
                table: "Sessions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Sessions",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StopReason",
                table: "Sessions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            // Sessions from before the plan was recorded: their steps get what can be known of them, and every session
            // a name, a 20-minute idle timeout and its cost clock.
            migrationBuilder.Sql(
                """
                UPDATE "SessionSteps" SET "Attempt" = 1, "Spec" = json_build_object(
                    'kind', "Kind", 'region', "Region", 'resourceName', "ResourceName",
                    'template', CASE "Kind" WHEN 'Scheduler' THEN 'SessionScheduler' WHEN 'Workers' THEN 'SessionWorkers' ELSE 'NotebookInstance' END,
                    'parameters', '{}'::json, 'tags', '{}'::json, 'document', NULL)::text;
                UPDATE "Sessions" SET "Name" = "Id", "IdleTimeout" = 1200000, "CostingSince" = "ProvisioningStartedAt";
                """);

            migrationBuilder.CreateTable(
                name: "ReapedResources",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SessionTag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ReapedAt = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReapedResources", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_Owner_LaunchKey",
                table: "Sessions",
                columns: new[] { "Owner", "LaunchKey" },
                unique: true,
                filter: "\"LaunchKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReapedResources_ReapedAt",
                table: "ReapedResources",
                column: "ReapedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReapedResources");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_Owner_LaunchKey",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Attempt",
                table: "SessionSteps");

            migrationBuilder.DropColumn(
                name: "Failures",
                table: "SessionSteps");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "SessionSteps");

            migrationBuilder.DropColumn(
                name: "RecreateAfterDelete",
                table: "SessionSteps");

            migrationBuilder.DropColumn(
                name: "Spec",
                table: "SessionSteps");

            migrationBuilder.DropColumn(
                name: "AccruedCostUsd",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "AttentionReason",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CleanUpOnFailure",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CostingSince",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "IdleStopAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "IdleTimeout",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "LaunchKey",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "StopReason",
                table: "Sessions");
        }
    }
}
