using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SaferPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddCrimeAndIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AreaDefinition",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangeStamp",
                table: "Partnerships",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AreaDenominators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaDenominators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaDenominators_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrimeCounts",
                columns: table => new
                {
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    LsoaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CrimeTypeId = table.Column<short>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeCounts", x => new { x.ForceId, x.Month, x.LsoaId, x.CrimeTypeId });
                });

            migrationBuilder.CreateTable(
                name: "CrimeGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrimeGroups_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrimeOutcomeCounts",
                columns: table => new
                {
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    LsoaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CrimeTypeId = table.Column<short>(type: "INTEGER", nullable: false),
                    OutcomeId = table.Column<short>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeOutcomeCounts", x => new { x.ForceId, x.Month, x.LsoaId, x.CrimeTypeId, x.OutcomeId });
                });

            migrationBuilder.CreateTable(
                name: "CrimeOutcomes",
                columns: table => new
                {
                    Id = table.Column<short>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeOutcomes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeTypes",
                columns: table => new
                {
                    Id = table.Column<short>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsAntiSocialBehaviour = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Lsoas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WardCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WardName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LocalAuthorityCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LocalAuthorityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lsoas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PoliceForces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoliceForces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeGroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    CrimeTypeId = table.Column<short>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeGroupMembers", x => new { x.GroupId, x.CrimeTypeId });
                    table.ForeignKey(
                        name: "FK_CrimeGroupMembers_CrimeGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "CrimeGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CrimeGroupMembers_CrimeTypes_CrimeTypeId",
                        column: x => x.CrimeTypeId,
                        principalTable: "CrimeTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Polarity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CrimeTypeId = table.Column<short>(type: "INTEGER", nullable: true),
                    CrimeGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Denominator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_CrimeGroups_CrimeGroupId",
                        column: x => x.CrimeGroupId,
                        principalTable: "CrimeGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_CrimeTypes_CrimeTypeId",
                        column: x => x.CrimeTypeId,
                        principalTable: "CrimeTypes",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Indicators_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipLsoas",
                columns: table => new
                {
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    LsoaId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipLsoas", x => new { x.PartnershipId, x.LsoaId });
                    table.ForeignKey(
                        name: "FK_PartnershipLsoas_Lsoas_LsoaId",
                        column: x => x.LsoaId,
                        principalTable: "Lsoas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnershipLsoas_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrimeImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsWithoutLocation = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrimeImports_PoliceForces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "PoliceForces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorBaselines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    ToMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorBaselines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorBaselines_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    PriorityId = table.Column<int>(type: "INTEGER", nullable: true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorLinks_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorLinks_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorLinks_Priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    ToMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EnteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    AmberTolerance = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    BaselineId = table.Column<int>(type: "INTEGER", nullable: true),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_IndicatorBaselines_BaselineId",
                        column: x => x.BaselineId,
                        principalTable: "IndicatorBaselines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CrimeTypes",
                columns: new[] { "Id", "IsAntiSocialBehaviour", "Name" },
                values: new object[,]
                {
                    { (short)1, true, "Anti-social behaviour" },
                    { (short)2, false, "Bicycle theft" },
                    { (short)3, false, "Burglary" },
                    { (short)4, false, "Criminal damage and arson" },
                    { (short)5, false, "Drugs" },
                    { (short)6, false, "Other crime" },
                    { (short)7, false, "Other theft" },
                    { (short)8, false, "Possession of weapons" },
                    { (short)9, false, "Public order" },
                    { (short)10, false, "Robbery" },
                    { (short)11, false, "Shoplifting" },
                    { (short)12, false, "Theft from the person" },
                    { (short)13, false, "Vehicle crime" },
                    { (short)14, false, "Violence and sexual offences" },
                    { (short)15, false, "Violent crime" },
                    { (short)16, false, "Public disorder and weapons" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AreaDenominators_PartnershipId_Kind_Year",
                table: "AreaDenominators",
                columns: new[] { "PartnershipId", "Kind", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrimeCounts_LsoaId_Month_CrimeTypeId",
                table: "CrimeCounts",
                columns: new[] { "LsoaId", "Month", "CrimeTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_CrimeGroupMembers_CrimeTypeId",
                table: "CrimeGroupMembers",
                column: "CrimeTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeGroups_PartnershipId_Key",
                table: "CrimeGroups",
                columns: new[] { "PartnershipId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrimeImports_ForceId_Month",
                table: "CrimeImports",
                columns: new[] { "ForceId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrimeOutcomes_Name",
                table: "CrimeOutcomes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrimeTypes_Name",
                table: "CrimeTypes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorBaselines_IndicatorId_FromMonth_ToMonth",
                table: "IndicatorBaselines",
                columns: new[] { "IndicatorId", "FromMonth", "ToMonth" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorLinks_IndicatorId_PriorityId_MilestoneId",
                table: "IndicatorLinks",
                columns: new[] { "IndicatorId", "PriorityId", "MilestoneId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorLinks_MilestoneId",
                table: "IndicatorLinks",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorLinks_PriorityId",
                table: "IndicatorLinks",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_CrimeGroupId",
                table: "Indicators",
                column: "CrimeGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_CrimeTypeId",
                table: "Indicators",
                column: "CrimeTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_PartnershipId_Code",
                table: "Indicators",
                columns: new[] { "PartnershipId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_BaselineId",
                table: "IndicatorTargets",
                column: "BaselineId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_IndicatorId_Year",
                table: "IndicatorTargets",
                columns: new[] { "IndicatorId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId_FromMonth_ToMonth",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "FromMonth", "ToMonth" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_Code",
                table: "Lsoas",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_LocalAuthorityName",
                table: "Lsoas",
                column: "LocalAuthorityName");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipLsoas_LsoaId",
                table: "PartnershipLsoas",
                column: "LsoaId");

            migrationBuilder.CreateIndex(
                name: "IX_PoliceForces_Key",
                table: "PoliceForces",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaDenominators");

            migrationBuilder.DropTable(
                name: "CrimeCounts");

            migrationBuilder.DropTable(
                name: "CrimeGroupMembers");

            migrationBuilder.DropTable(
                name: "CrimeImports");

            migrationBuilder.DropTable(
                name: "CrimeOutcomeCounts");

            migrationBuilder.DropTable(
                name: "CrimeOutcomes");

            migrationBuilder.DropTable(
                name: "IndicatorLinks");

            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "PartnershipLsoas");

            migrationBuilder.DropTable(
                name: "PoliceForces");

            migrationBuilder.DropTable(
                name: "IndicatorBaselines");

            migrationBuilder.DropTable(
                name: "Lsoas");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "CrimeGroups");

            migrationBuilder.DropTable(
                name: "CrimeTypes");

            migrationBuilder.DropColumn(
                name: "AreaDefinition",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "ChangeStamp",
                table: "Partnerships");
        }
    }
}
