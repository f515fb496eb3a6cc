using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Infra.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogueDatasets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    S3Uri = table.Column<string>(type: "text", nullable: false),
                    Format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CoverageFirst = table.Column<DateOnly>(type: "date", nullable: true),
                    CoverageLast = table.Column<DateOnly>(type: "date", nullable: true),
                    Licence = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    ManagedBy = table.Column<string>(type: "text", nullable: false),
                    UpdateFrequency = table.Column<string>(type: "text", nullable: false),
                    RequesterPays = table.Column<bool>(type: "boolean", nullable: false),
                    Deprecated = table.Column<bool>(type: "boolean", nullable: false),
                    Successor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MoreLocations = table.Column<string>(type: "text", nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    Layout = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CatalogueImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Who = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: false),
                    Datasets = table.Column<int>(type: "integer", nullable: false),
                    Problems = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueImports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueDatasets_Position",
                table: "CatalogueDatasets",
                column: "Position");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueImports_StartedAt",
                table: "CatalogueImports",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogueDatasets");

            migrationBuilder.DropTable(
                name: "CatalogueImports");
        }
    }
}
