CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "Agencies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Agencies" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "EntityType" TEXT NOT NULL,
    "EntityId" INTEGER NOT NULL,
    "PartnershipId" INTEGER NULL,
    "Action" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Actor" TEXT NOT NULL,
    "OccurredAt" TEXT NOT NULL,
    "Changes" TEXT NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "Partnerships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Partnerships" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL,
    "Area" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnershipAgencies" (
    "AgenciesId" INTEGER NOT NULL,
    "PartnershipsId" INTEGER NOT NULL,
    CONSTRAINT "PK_PartnershipAgencies" PRIMARY KEY ("AgenciesId", "PartnershipsId"),
    CONSTRAINT "FK_PartnershipAgencies_Agencies_AgenciesId" FOREIGN KEY ("AgenciesId") REFERENCES "Agencies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PartnershipAgencies_Partnerships_PartnershipsId" FOREIGN KEY ("PartnershipsId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "People" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_People" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "RoleTitle" TEXT NULL,
    "AgencyId" INTEGER NULL,
    "Email" TEXT NULL,
    "PartnershipId" INTEGER NOT NULL,
    CONSTRAINT "FK_People_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_People_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Plans" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "StartYear" INTEGER NOT NULL,
    "EndYear" INTEGER NOT NULL,
    CONSTRAINT "FK_Plans_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "PersonId" INTEGER NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Bodies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Bodies" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Cadence" TEXT NOT NULL,
    "Description" TEXT NULL,
    "ChairId" INTEGER NULL,
    CONSTRAINT "FK_Bodies_People_ChairId" FOREIGN KEY ("ChairId") REFERENCES "People" ("Id") ON DELETE SET NULL
);

CREATE TABLE "PlanEditions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanEditions" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "YearStart" INTEGER NOT NULL,
    "Label" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ApprovedOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanEditions_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ApiTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_ApiTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Memberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Memberships" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "PartnershipId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    CONSTRAINT "FK_Memberships_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Memberships_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BodyMemberAgencies" (
    "BodyId" INTEGER NOT NULL,
    "MemberAgenciesId" INTEGER NOT NULL,
    CONSTRAINT "PK_BodyMemberAgencies" PRIMARY KEY ("BodyId", "MemberAgenciesId"),
    CONSTRAINT "FK_BodyMemberAgencies_Agencies_MemberAgenciesId" FOREIGN KEY ("MemberAgenciesId") REFERENCES "Agencies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BodyMemberAgencies_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnershipBodies" (
    "BodiesId" INTEGER NOT NULL,
    "PartnershipsId" INTEGER NOT NULL,
    CONSTRAINT "PK_PartnershipBodies" PRIMARY KEY ("BodiesId", "PartnershipsId"),
    CONSTRAINT "FK_PartnershipBodies_Bodies_BodiesId" FOREIGN KEY ("BodiesId") REFERENCES "Bodies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PartnershipBodies_Partnerships_PartnershipsId" FOREIGN KEY ("PartnershipsId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GlossaryEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GlossaryEntries" PRIMARY KEY AUTOINCREMENT,
    "EditionId" INTEGER NOT NULL,
    "Term" TEXT NOT NULL,
    "Definition" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_GlossaryEntries_PlanEditions_EditionId" FOREIGN KEY ("EditionId") REFERENCES "PlanEditions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Priorities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Priorities" PRIMARY KEY AUTOINCREMENT,
    "EditionId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Why" TEXT NULL,
    "WhatWeWillDo" TEXT NULL,
    "Approach" TEXT NULL,
    "MeasuringSuccess" TEXT NULL,
    "DataUsed" TEXT NULL,
    "LeadOfficerId" INTEGER NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Priorities_People_LeadOfficerId" FOREIGN KEY ("LeadOfficerId") REFERENCES "People" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Priorities_PlanEditions_EditionId" FOREIGN KEY ("EditionId") REFERENCES "PlanEditions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Sections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Sections" PRIMARY KEY AUTOINCREMENT,
    "EditionId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Placement" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Sections_PlanEditions_EditionId" FOREIGN KEY ("EditionId") REFERENCES "PlanEditions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Actions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Actions" PRIMARY KEY AUTOINCREMENT,
    "PriorityId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "LeadAgency" TEXT NULL,
    "OtherPartners" TEXT NULL,
    "BodyId" INTEGER NULL,
    "LeadOfficerId" INTEGER NULL,
    "CrossReferenceText" TEXT NULL,
    "CrossReferencePriorityNumber" INTEGER NULL,
    "CrossReferenceActionNumber" TEXT NULL,
    "Note" TEXT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Actions_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Actions_People_LeadOfficerId" FOREIGN KEY ("LeadOfficerId") REFERENCES "People" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Actions_Priorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "Priorities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Milestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Milestones" PRIMARY KEY AUTOINCREMENT,
    "ActionId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Lead" TEXT NULL,
    "LeadOfficerId" INTEGER NULL,
    "MeasurementKind" TEXT NOT NULL,
    "Measurement" TEXT NULL,
    "Source" TEXT NULL,
    "Target" TEXT NULL,
    "DueQuarters" TEXT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Milestones_Actions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "Actions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Milestones_People_LeadOfficerId" FOREIGN KEY ("LeadOfficerId") REFERENCES "People" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_Actions_BodyId" ON "Actions" ("BodyId");

CREATE INDEX "IX_Actions_LeadOfficerId" ON "Actions" ("LeadOfficerId");

CREATE INDEX "IX_Actions_PriorityId_SortOrder" ON "Actions" ("PriorityId", "SortOrder");

CREATE UNIQUE INDEX "IX_Agencies_Key" ON "Agencies" ("Key");

CREATE UNIQUE INDEX "IX_ApiTokens_TokenHash" ON "ApiTokens" ("TokenHash");

CREATE INDEX "IX_ApiTokens_UserId" ON "ApiTokens" ("UserId");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_PersonId" ON "AspNetUsers" ("PersonId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");

CREATE INDEX "IX_Bodies_ChairId" ON "Bodies" ("ChairId");

CREATE UNIQUE INDEX "IX_Bodies_Key" ON "Bodies" ("Key");

CREATE INDEX "IX_BodyMemberAgencies_MemberAgenciesId" ON "BodyMemberAgencies" ("MemberAgenciesId");

CREATE INDEX "IX_GlossaryEntries_EditionId" ON "GlossaryEntries" ("EditionId");

CREATE INDEX "IX_Memberships_PartnershipId" ON "Memberships" ("PartnershipId");

CREATE UNIQUE INDEX "IX_Memberships_UserId_PartnershipId_Role" ON "Memberships" ("UserId", "PartnershipId", "Role");

CREATE INDEX "IX_Milestones_ActionId_SortOrder" ON "Milestones" ("ActionId", "SortOrder");

CREATE INDEX "IX_Milestones_LeadOfficerId" ON "Milestones" ("LeadOfficerId");

CREATE INDEX "IX_PartnershipAgencies_PartnershipsId" ON "PartnershipAgencies" ("PartnershipsId");

CREATE INDEX "IX_PartnershipBodies_PartnershipsId" ON "PartnershipBodies" ("PartnershipsId");

CREATE UNIQUE INDEX "IX_Partnerships_Slug" ON "Partnerships" ("Slug");

CREATE INDEX "IX_People_AgencyId" ON "People" ("AgencyId");

CREATE UNIQUE INDEX "IX_People_PartnershipId_Key" ON "People" ("PartnershipId", "Key");

CREATE INDEX "IX_PlanEditions_PlanId" ON "PlanEditions" ("PlanId");

CREATE INDEX "IX_Plans_PartnershipId" ON "Plans" ("PartnershipId");

CREATE INDEX "IX_Priorities_EditionId_SortOrder" ON "Priorities" ("EditionId", "SortOrder");

CREATE INDEX "IX_Priorities_LeadOfficerId" ON "Priorities" ("LeadOfficerId");

CREATE INDEX "IX_Sections_EditionId" ON "Sections" ("EditionId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123114217_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "CollectionRounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CollectionRounds" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "OpenedOn" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "LockOn" TEXT NULL,
    "OpenedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CollectionRounds_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MilestoneUpdates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MilestoneUpdates" PRIMARY KEY AUTOINCREMENT,
    "MilestoneId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "Progress" TEXT NULL,
    "YesNoValue" INTEGER NULL,
    "NumberValue" TEXT NULL,
    "TextValue" TEXT NULL,
    "Status" TEXT NULL,
    "State" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ReviewerName" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewComment" TEXT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_MilestoneUpdates_Milestones_MilestoneId" FOREIGN KEY ("MilestoneId") REFERENCES "Milestones" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CollectionRounds_PartnershipId_Period" ON "CollectionRounds" ("PartnershipId", "Period");

CREATE UNIQUE INDEX "IX_MilestoneUpdates_MilestoneId_Period" ON "MilestoneUpdates" ("MilestoneId", "Period");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123120603_AddMonitoring', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "SentAt" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "ClaimedUntil" TEXT NULL
);

CREATE TABLE "PartnerBriefings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerBriefings" PRIMARY KEY AUTOINCREMENT,
    "BodyId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "FromName" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "Purpose" TEXT NULL,
    "Background" TEXT NULL,
    "Sections" TEXT NULL,
    "FiguresTitle" TEXT NULL,
    "Figures" TEXT NULL,
    "Risks" TEXT NULL,
    "Recommendations" TEXT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PartnerBriefings_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TaskGroupReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TaskGroupReports" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "PriorityId" INTEGER NULL,
    "BodyId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "LeadOfficerName" TEXT NULL,
    "LeadOfficerId" INTEGER NULL,
    "Achievements" TEXT NULL,
    "AchievementsMarking" TEXT NOT NULL,
    "Concerns" TEXT NULL,
    "ConcernsMarking" TEXT NOT NULL,
    "Recommendations" TEXT NULL,
    "RecommendationsMarking" TEXT NOT NULL,
    "PublicityItems" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_TaskGroupReports_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_TaskGroupReports_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TaskGroupReports_People_LeadOfficerId" FOREIGN KEY ("LeadOfficerId") REFERENCES "People" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_TaskGroupReports_Priorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "Priorities" ("Id") ON DELETE SET NULL
);

CREATE TABLE "UpdateLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UpdateLinks" PRIMARY KEY AUTOINCREMENT,
    "TokenHash" TEXT NOT NULL,
    "PartnershipId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_UpdateLinks_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_UpdateLinks_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FigureTables" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FigureTables" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Columns" TEXT NOT NULL,
    "Rows" TEXT NOT NULL,
    "YearToDate" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FigureTables_TaskGroupReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "TaskGroupReports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_FigureTables_ReportId" ON "FigureTables" ("ReportId");

CREATE INDEX "IX_OutboxMessages_SentAt_NextAttemptAt" ON "OutboxMessages" ("SentAt", "NextAttemptAt");

CREATE INDEX "IX_PartnerBriefings_BodyId_Period" ON "PartnerBriefings" ("BodyId", "Period");

CREATE INDEX "IX_TaskGroupReports_BodyId" ON "TaskGroupReports" ("BodyId");

CREATE INDEX "IX_TaskGroupReports_LeadOfficerId" ON "TaskGroupReports" ("LeadOfficerId");

CREATE INDEX "IX_TaskGroupReports_PartnershipId_Period_SortOrder" ON "TaskGroupReports" ("PartnershipId", "Period", "SortOrder");

CREATE INDEX "IX_TaskGroupReports_PriorityId" ON "TaskGroupReports" ("PriorityId");

CREATE INDEX "IX_UpdateLinks_PartnershipId" ON "UpdateLinks" ("PartnershipId");

CREATE INDEX "IX_UpdateLinks_PersonId" ON "UpdateLinks" ("PersonId");

CREATE UNIQUE INDEX "IX_UpdateLinks_TokenHash" ON "UpdateLinks" ("TokenHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123121023_AddReportsAndOutreach', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Partnerships" ADD "AreaDefinition" TEXT NULL;

ALTER TABLE "Partnerships" ADD "ChangeStamp" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "AreaDenominators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AreaDenominators" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "Source" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_AreaDenominators_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CrimeCounts" (
    "ForceId" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "LsoaId" INTEGER NOT NULL,
    "CrimeTypeId" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_CrimeCounts" PRIMARY KEY ("ForceId", "Month", "LsoaId", "CrimeTypeId")
);

CREATE TABLE "CrimeGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CrimeGroups" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CrimeGroups_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CrimeOutcomeCounts" (
    "ForceId" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "LsoaId" INTEGER NOT NULL,
    "CrimeTypeId" INTEGER NOT NULL,
    "OutcomeId" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_CrimeOutcomeCounts" PRIMARY KEY ("ForceId", "Month", "LsoaId", "CrimeTypeId", "OutcomeId")
);

CREATE TABLE "CrimeOutcomes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CrimeOutcomes" PRIMARY KEY,
    "Name" TEXT NOT NULL
);

CREATE TABLE "CrimeTypes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CrimeTypes" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "IsAntiSocialBehaviour" INTEGER NOT NULL
);

CREATE TABLE "Lsoas" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Lsoas" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "WardCode" TEXT NULL,
    "WardName" TEXT NULL,
    "LocalAuthorityCode" TEXT NULL,
    "LocalAuthorityName" TEXT NULL
);

CREATE TABLE "PoliceForces" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PoliceForces" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "CrimeGroupMembers" (
    "GroupId" INTEGER NOT NULL,
    "CrimeTypeId" INTEGER NOT NULL,
    CONSTRAINT "PK_CrimeGroupMembers" PRIMARY KEY ("GroupId", "CrimeTypeId"),
    CONSTRAINT "FK_CrimeGroupMembers_CrimeGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "CrimeGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CrimeGroupMembers_CrimeTypes_CrimeTypeId" FOREIGN KEY ("CrimeTypeId") REFERENCES "CrimeTypes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Indicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Indicators" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Unit" TEXT NOT NULL,
    "Polarity" TEXT NOT NULL,
    "Frequency" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "CrimeTypeId" INTEGER NULL,
    "CrimeGroupId" INTEGER NULL,
    "Denominator" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Indicators_CrimeGroups_CrimeGroupId" FOREIGN KEY ("CrimeGroupId") REFERENCES "CrimeGroups" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Indicators_CrimeTypes_CrimeTypeId" FOREIGN KEY ("CrimeTypeId") REFERENCES "CrimeTypes" ("Id"),
    CONSTRAINT "FK_Indicators_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnershipLsoas" (
    "PartnershipId" INTEGER NOT NULL,
    "LsoaId" INTEGER NOT NULL,
    CONSTRAINT "PK_PartnershipLsoas" PRIMARY KEY ("PartnershipId", "LsoaId"),
    CONSTRAINT "FK_PartnershipLsoas_Lsoas_LsoaId" FOREIGN KEY ("LsoaId") REFERENCES "Lsoas" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PartnershipLsoas_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CrimeImports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CrimeImports" PRIMARY KEY AUTOINCREMENT,
    "ForceId" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "Rows" INTEGER NOT NULL,
    "RowsWithoutLocation" INTEGER NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "ImportedBy" TEXT NOT NULL,
    "Synthetic" INTEGER NOT NULL,
    CONSTRAINT "FK_CrimeImports_PoliceForces_ForceId" FOREIGN KEY ("ForceId") REFERENCES "PoliceForces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndicatorBaselines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndicatorBaselines" PRIMARY KEY AUTOINCREMENT,
    "IndicatorId" INTEGER NOT NULL,
    "FromMonth" INTEGER NOT NULL,
    "ToMonth" INTEGER NOT NULL,
    "Value" TEXT NULL,
    "Source" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_IndicatorBaselines_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndicatorLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndicatorLinks" PRIMARY KEY AUTOINCREMENT,
    "IndicatorId" INTEGER NOT NULL,
    "PriorityId" INTEGER NULL,
    "MilestoneId" INTEGER NULL,
    CONSTRAINT "FK_IndicatorLinks_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IndicatorLinks_Milestones_MilestoneId" FOREIGN KEY ("MilestoneId") REFERENCES "Milestones" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IndicatorLinks_Priorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "Priorities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndicatorValues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndicatorValues" PRIMARY KEY AUTOINCREMENT,
    "IndicatorId" INTEGER NOT NULL,
    "FromMonth" INTEGER NOT NULL,
    "ToMonth" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "Source" TEXT NULL,
    "Comment" TEXT NULL,
    "EnteredBy" TEXT NULL,
    "EnteredAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_IndicatorValues_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndicatorTargets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndicatorTargets" PRIMARY KEY AUTOINCREMENT,
    "IndicatorId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Number" TEXT NULL,
    "AmberTolerance" TEXT NOT NULL,
    "BaselineId" INTEGER NULL,
    "Wording" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_IndicatorTargets_IndicatorBaselines_BaselineId" FOREIGN KEY ("BaselineId") REFERENCES "IndicatorBaselines" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IndicatorTargets_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE CASCADE
);

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (1, 1, 'Anti-social behaviour');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (2, 0, 'Bicycle theft');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (3, 0, 'Burglary');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (4, 0, 'Criminal damage and arson');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (5, 0, 'Drugs');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (6, 0, 'Other crime');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (7, 0, 'Other theft');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (8, 0, 'Possession of weapons');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (9, 0, 'Public order');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (10, 0, 'Robbery');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (11, 0, 'Shoplifting');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (12, 0, 'Theft from the person');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (13, 0, 'Vehicle crime');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (14, 0, 'Violence and sexual offences');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (15, 0, 'Violent crime');
SELECT changes();

INSERT INTO "CrimeTypes" ("Id", "IsAntiSocialBehaviour", "Name")
VALUES (16, 0, 'Public disorder and weapons');
SELECT changes();


CREATE UNIQUE INDEX "IX_AreaDenominators_PartnershipId_Kind_Year" ON "AreaDenominators" ("PartnershipId", "Kind", "Year");

CREATE INDEX "IX_CrimeCounts_LsoaId_Month_CrimeTypeId" ON "CrimeCounts" ("LsoaId", "Month", "CrimeTypeId");

CREATE INDEX "IX_CrimeGroupMembers_CrimeTypeId" ON "CrimeGroupMembers" ("CrimeTypeId");

CREATE UNIQUE INDEX "IX_CrimeGroups_PartnershipId_Key" ON "CrimeGroups" ("PartnershipId", "Key");

CREATE UNIQUE INDEX "IX_CrimeImports_ForceId_Month" ON "CrimeImports" ("ForceId", "Month");

CREATE UNIQUE INDEX "IX_CrimeOutcomes_Name" ON "CrimeOutcomes" ("Name");

CREATE UNIQUE INDEX "IX_CrimeTypes_Name" ON "CrimeTypes" ("Name");

CREATE UNIQUE INDEX "IX_IndicatorBaselines_IndicatorId_FromMonth_ToMonth" ON "IndicatorBaselines" ("IndicatorId", "FromMonth", "ToMonth");

CREATE UNIQUE INDEX "IX_IndicatorLinks_IndicatorId_PriorityId_MilestoneId" ON "IndicatorLinks" ("IndicatorId", "PriorityId", "MilestoneId");

CREATE INDEX "IX_IndicatorLinks_MilestoneId" ON "IndicatorLinks" ("MilestoneId");

CREATE INDEX "IX_IndicatorLinks_PriorityId" ON "IndicatorLinks" ("PriorityId");

CREATE INDEX "IX_Indicators_CrimeGroupId" ON "Indicators" ("CrimeGroupId");

CREATE INDEX "IX_Indicators_CrimeTypeId" ON "Indicators" ("CrimeTypeId");

CREATE UNIQUE INDEX "IX_Indicators_PartnershipId_Code" ON "Indicators" ("PartnershipId", "Code");

CREATE INDEX "IX_IndicatorTargets_BaselineId" ON "IndicatorTargets" ("BaselineId");

CREATE UNIQUE INDEX "IX_IndicatorTargets_IndicatorId_Year" ON "IndicatorTargets" ("IndicatorId", "Year");

CREATE UNIQUE INDEX "IX_IndicatorValues_IndicatorId_FromMonth_ToMonth" ON "IndicatorValues" ("IndicatorId", "FromMonth", "ToMonth");

CREATE UNIQUE INDEX "IX_Lsoas_Code" ON "Lsoas" ("Code");

CREATE INDEX "IX_Lsoas_LocalAuthorityName" ON "Lsoas" ("LocalAuthorityName");

CREATE INDEX "IX_PartnershipLsoas_LsoaId" ON "PartnershipLsoas" ("LsoaId");

CREATE UNIQUE INDEX "IX_PoliceForces_Key" ON "PoliceForces" ("Key");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123144613_AddCrimeAndIndicators', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ef_temp_CrimeCounts" (
    "ForceId" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "LsoaId" INTEGER NOT NULL,
    "Counts" TEXT NOT NULL,
    "Outcomes" TEXT NULL,
    CONSTRAINT "PK_CrimeCounts" PRIMARY KEY ("ForceId", "Month", "LsoaId")
) WITHOUT ROWID;

INSERT INTO "ef_temp_CrimeCounts" ("ForceId", "Month", "LsoaId", "Counts", "Outcomes")
SELECT c."ForceId", c."Month", c."LsoaId",
    group_concat(c."CrimeTypeId" || ':' || c."Count", ','),
    (SELECT group_concat(o."CrimeTypeId" || '.' || o."OutcomeId" || ':' || o."Count", ',')
     FROM "CrimeOutcomeCounts" AS o
     WHERE o."ForceId" = c."ForceId" AND o."Month" = c."Month" AND o."LsoaId" = c."LsoaId" AND o."OutcomeId" <> 0)
FROM "CrimeCounts" AS c
GROUP BY c."ForceId", c."Month", c."LsoaId";

DROP TABLE "CrimeCounts";

DROP TABLE "CrimeOutcomeCounts";

ALTER TABLE "ef_temp_CrimeCounts" RENAME TO "CrimeCounts";

CREATE INDEX "IX_CrimeCounts_LsoaId_Month" ON "CrimeCounts" ("LsoaId", "Month");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123180552_CrimeCountsOneRowPerLsoaMonth', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129204350_WidenCrimeOutcomeIds', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "DisplayName" TEXT NULL;

CREATE TABLE "QuarterPublications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_QuarterPublications" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "PublishedBy" TEXT NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawnBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_QuarterPublications_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_QuarterPublications_PartnershipId_Period" ON "QuarterPublications" ("PartnershipId", "Period");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129204742_QuarterPublicationsAndDisplayNames', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "People" ADD "Version" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "Invitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY AUTOINCREMENT,
    "TokenHash" TEXT NOT NULL,
    "PartnershipId" INTEGER NOT NULL,
    "Email" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "AcceptedAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_Invitations_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Invitations_PartnershipId" ON "Invitations" ("PartnershipId");

CREATE UNIQUE INDEX "IX_Invitations_TokenHash" ON "Invitations" ("TokenHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129233012_InvitationsAndPeopleVersions', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "BoardMeetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BoardMeetings" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "ReportPeriod" TEXT NOT NULL,
    "MeetsOn" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_BoardMeetings_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_BoardMeetings_PartnershipId_ReportPeriod" ON "BoardMeetings" ("PartnershipId", "ReportPeriod");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130010039_BoardMeetings', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_PlanEditions_PlanId";

ALTER TABLE "PlanEditions" ADD "ApprovalMinute" TEXT NULL;

ALTER TABLE "PlanEditions" ADD "ApprovedBy" TEXT NULL;

ALTER TABLE "PlanEditions" ADD "PreviousEditionId" INTEGER NULL;

ALTER TABLE "People" ADD "Honorific" TEXT NULL;

ALTER TABLE "PartnerBriefings" ADD "ToLine" TEXT NULL;

ALTER TABLE "MilestoneUpdates" ADD "ActionUpdateId" INTEGER NULL;

ALTER TABLE "Milestones" ADD "OriginId" INTEGER NULL;

ALTER TABLE "FigureTables" ADD "Chart" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Actions" ADD "OriginId" INTEGER NULL;

CREATE TABLE "ActionUpdates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActionUpdates" PRIMARY KEY AUTOINCREMENT,
    "ActionId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ActionUpdates_Actions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "Actions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Amendments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Amendments" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "Record" TEXT NOT NULL,
    "RecordId" INTEGER NOT NULL,
    "ItemKind" TEXT NOT NULL,
    "ItemId" INTEGER NOT NULL,
    "ItemReference" TEXT NOT NULL,
    "Changes" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Marking" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "AmendedBy" TEXT NOT NULL,
    "AmendedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Amendments_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BodyActionPlans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BodyActionPlans" PRIMARY KEY AUTOINCREMENT,
    "BodyId" INTEGER NOT NULL,
    "Year" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "StrategicAim" TEXT NULL,
    "PlanLead" TEXT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_BodyActionPlans_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PriorityOrigin" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PriorityOrigin" PRIMARY KEY AUTOINCREMENT,
    "PriorityId" INTEGER NOT NULL,
    "OriginId" INTEGER NOT NULL,
    CONSTRAINT "FK_PriorityOrigin_Priorities_OriginId" FOREIGN KEY ("OriginId") REFERENCES "Priorities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PriorityOrigin_Priorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "Priorities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BodyActionPlanItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BodyActionPlanItems" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Heading" TEXT NULL,
    "Number" TEXT NOT NULL,
    "Lead" TEXT NULL,
    "Text" TEXT NOT NULL,
    "Milestones" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_BodyActionPlanItems_BodyActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "BodyActionPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BodyActionPlanProgress" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BodyActionPlanProgress" PRIMARY KEY AUTOINCREMENT,
    "ItemId" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "Progress" TEXT NOT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_BodyActionPlanProgress_BodyActionPlanItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "BodyActionPlanItems" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_PlanEditions_PlanId_YearStart" ON "PlanEditions" ("PlanId", "YearStart");

CREATE INDEX "IX_PlanEditions_PreviousEditionId" ON "PlanEditions" ("PreviousEditionId");

CREATE INDEX "IX_MilestoneUpdates_ActionUpdateId" ON "MilestoneUpdates" ("ActionUpdateId");

CREATE INDEX "IX_Milestones_OriginId" ON "Milestones" ("OriginId");

CREATE INDEX "IX_Actions_OriginId" ON "Actions" ("OriginId");

CREATE UNIQUE INDEX "IX_ActionUpdates_ActionId_Period" ON "ActionUpdates" ("ActionId", "Period");

CREATE INDEX "IX_Amendments_PartnershipId" ON "Amendments" ("PartnershipId");

CREATE INDEX "IX_Amendments_Record_RecordId" ON "Amendments" ("Record", "RecordId");

CREATE INDEX "IX_BodyActionPlanItems_PlanId_SortOrder" ON "BodyActionPlanItems" ("PlanId", "SortOrder");

CREATE UNIQUE INDEX "IX_BodyActionPlanProgress_ItemId_Period" ON "BodyActionPlanProgress" ("ItemId", "Period");

CREATE INDEX "IX_BodyActionPlans_BodyId_Year" ON "BodyActionPlans" ("BodyId", "Year");

CREATE INDEX "IX_PriorityOrigin_OriginId" ON "PriorityOrigin" ("OriginId");

CREATE UNIQUE INDEX "IX_PriorityOrigin_PriorityId_OriginId" ON "PriorityOrigin" ("PriorityId", "OriginId");

CREATE TABLE "ef_temp_Actions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Actions" PRIMARY KEY AUTOINCREMENT,
    "BodyId" INTEGER NULL,
    "CrossReferenceActionNumber" TEXT NULL,
    "CrossReferencePriorityNumber" INTEGER NULL,
    "CrossReferenceText" TEXT NULL,
    "LeadAgency" TEXT NULL,
    "LeadOfficerId" INTEGER NULL,
    "Marking" TEXT NOT NULL,
    "Note" TEXT NULL,
    "Number" TEXT NOT NULL,
    "OriginId" INTEGER NULL,
    "OtherPartners" TEXT NULL,
    "PriorityId" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Actions_Actions_OriginId" FOREIGN KEY ("OriginId") REFERENCES "Actions" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Actions_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Actions_People_LeadOfficerId" FOREIGN KEY ("LeadOfficerId") REFERENCES "People" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Actions_Priorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "Priorities" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_Actions" ("Id", "BodyId", "CrossReferenceActionNumber", "CrossReferencePriorityNumber", "CrossReferenceText", "LeadAgency", "LeadOfficerId", "Marking", "Note", "Number", "OriginId", "OtherPartners", "PriorityId", "SortOrder", "Text", "Version")
SELECT "Id", "BodyId", "CrossReferenceActionNumber", "CrossReferencePriorityNumber", "CrossReferenceText", "LeadAgency", "LeadOfficerId", "Marking", "Note", "Number", "OriginId", "OtherPartners", "PriorityId", "SortOrder", "Text", "Version"
FROM "Actions";

CREATE TABLE "ef_temp_Milestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Milestones" PRIMARY KEY AUTOINCREMENT,
    "ActionId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "DueQuarters" TEXT NULL,
    "Lead" TEXT NULL,
    "LeadOfficerId" INTEGER NULL,
    "Marking" TEXT NOT NULL,
    "Measurement" TEXT NULL,
    "MeasurementKind" TEXT NOT NULL,
    "OriginId" INTEGER NULL,
    "SortOrder" INTEGER NOT NULL,
    "Source" TEXT NULL,
    "Target" TEXT NULL,
    "Text" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Milestones_Actions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "Actions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Milestones_Milestones_OriginId" FOREIGN KEY ("OriginId") REFERENCES "Milestones" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Milestones_People_LeadOfficerId" FOREIGN KEY ("LeadOfficerId") REFERENCES "People" ("Id") ON DELETE SET NULL
);

INSERT INTO "ef_temp_Milestones" ("Id", "ActionId", "Code", "DueQuarters", "Lead", "LeadOfficerId", "Marking", "Measurement", "MeasurementKind", "OriginId", "SortOrder", "Source", "Target", "Text", "Version")
SELECT "Id", "ActionId", "Code", "DueQuarters", "Lead", "LeadOfficerId", "Marking", "Measurement", "MeasurementKind", "OriginId", "SortOrder", "Source", "Target", "Text", "Version"
FROM "Milestones";

CREATE TABLE "ef_temp_MilestoneUpdates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MilestoneUpdates" PRIMARY KEY AUTOINCREMENT,
    "ActionUpdateId" INTEGER NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "Marking" TEXT NOT NULL,
    "MilestoneId" INTEGER NOT NULL,
    "NumberValue" TEXT NULL,
    "Period" TEXT NOT NULL,
    "Progress" TEXT NULL,
    "ReviewComment" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewerName" TEXT NULL,
    "State" TEXT NOT NULL,
    "Status" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "TextValue" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "YesNoValue" INTEGER NULL,
    CONSTRAINT "FK_MilestoneUpdates_ActionUpdates_ActionUpdateId" FOREIGN KEY ("ActionUpdateId") REFERENCES "ActionUpdates" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_MilestoneUpdates_Milestones_MilestoneId" FOREIGN KEY ("MilestoneId") REFERENCES "Milestones" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_MilestoneUpdates" ("Id", "ActionUpdateId", "AuthorId", "AuthorName", "Marking", "MilestoneId", "NumberValue", "Period", "Progress", "ReviewComment", "ReviewedAt", "ReviewerName", "State", "Status", "SubmittedAt", "TextValue", "UpdatedAt", "Version", "YesNoValue")
SELECT "Id", "ActionUpdateId", "AuthorId", "AuthorName", "Marking", "MilestoneId", "NumberValue", "Period", "Progress", "ReviewComment", "ReviewedAt", "ReviewerName", "State", "Status", "SubmittedAt", "TextValue", "UpdatedAt", "Version", "YesNoValue"
FROM "MilestoneUpdates";

CREATE TABLE "ef_temp_PlanEditions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanEditions" PRIMARY KEY AUTOINCREMENT,
    "ApprovalMinute" TEXT NULL,
    "ApprovedBy" TEXT NULL,
    "ApprovedOn" TEXT NULL,
    "Label" TEXT NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "PreviousEditionId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "YearStart" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanEditions_PlanEditions_PreviousEditionId" FOREIGN KEY ("PreviousEditionId") REFERENCES "PlanEditions" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PlanEditions_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_PlanEditions" ("Id", "ApprovalMinute", "ApprovedBy", "ApprovedOn", "Label", "PlanId", "PreviousEditionId", "Status", "Title", "Version", "YearStart")
SELECT "Id", "ApprovalMinute", "ApprovedBy", "ApprovedOn", "Label", "PlanId", "PreviousEditionId", "Status", "Title", "Version", "YearStart"
FROM "PlanEditions";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Actions";

ALTER TABLE "ef_temp_Actions" RENAME TO "Actions";

DROP TABLE "Milestones";

ALTER TABLE "ef_temp_Milestones" RENAME TO "Milestones";

DROP TABLE "MilestoneUpdates";

ALTER TABLE "ef_temp_MilestoneUpdates" RENAME TO "MilestoneUpdates";

DROP TABLE "PlanEditions";

ALTER TABLE "ef_temp_PlanEditions" RENAME TO "PlanEditions";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Actions_BodyId" ON "Actions" ("BodyId");

CREATE INDEX "IX_Actions_LeadOfficerId" ON "Actions" ("LeadOfficerId");

CREATE INDEX "IX_Actions_OriginId" ON "Actions" ("OriginId");

CREATE INDEX "IX_Actions_PriorityId_SortOrder" ON "Actions" ("PriorityId", "SortOrder");

CREATE INDEX "IX_Milestones_ActionId_SortOrder" ON "Milestones" ("ActionId", "SortOrder");

CREATE INDEX "IX_Milestones_LeadOfficerId" ON "Milestones" ("LeadOfficerId");

CREATE INDEX "IX_Milestones_OriginId" ON "Milestones" ("OriginId");

CREATE INDEX "IX_MilestoneUpdates_ActionUpdateId" ON "MilestoneUpdates" ("ActionUpdateId");

CREATE UNIQUE INDEX "IX_MilestoneUpdates_MilestoneId_Period" ON "MilestoneUpdates" ("MilestoneId", "Period");

CREATE UNIQUE INDEX "IX_PlanEditions_PlanId_YearStart" ON "PlanEditions" ("PlanId", "YearStart");

CREATE INDEX "IX_PlanEditions_PreviousEditionId" ON "PlanEditions" ("PreviousEditionId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130030051_PlanRefreshAmendmentsActionUpdatesAndTaskGroupPlans', '10.0.15');

BEGIN TRANSACTION;
CREATE TABLE "ConsultationComments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsultationComments" PRIMARY KEY AUTOINCREMENT,
    "EditionId" INTEGER NOT NULL,
    "PriorityId" INTEGER NULL,
    "ActionId" INTEGER NULL,
    "MilestoneId" INTEGER NULL,
    "Subject" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "MadeBy" TEXT NOT NULL,
    "MadeAt" TEXT NOT NULL,
    "Source" TEXT NULL,
    "RecordedBy" TEXT NULL,
    "ResponseKind" TEXT NULL,
    "Response" TEXT NULL,
    "RespondedBy" TEXT NULL,
    "RespondedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ConsultationComments_Actions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "Actions" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ConsultationComments_Milestones_MilestoneId" FOREIGN KEY ("MilestoneId") REFERENCES "Milestones" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ConsultationComments_PlanEditions_EditionId" FOREIGN KEY ("EditionId") REFERENCES "PlanEditions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ConsultationComments_Priorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "Priorities" ("Id") ON DELETE SET NULL
);

CREATE TABLE "ConsultationLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsultationLinks" PRIMARY KEY AUTOINCREMENT,
    "EditionId" INTEGER NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_ConsultationLinks_PlanEditions_EditionId" FOREIGN KEY ("EditionId") REFERENCES "PlanEditions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Consultations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Consultations" PRIMARY KEY AUTOINCREMENT,
    "EditionId" INTEGER NOT NULL,
    "Deadline" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "StartedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Consultations_PlanEditions_EditionId" FOREIGN KEY ("EditionId") REFERENCES "PlanEditions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RefreshTimelines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RefreshTimelines" PRIMARY KEY AUTOINCREMENT,
    "EditionId" INTEGER NOT NULL,
    "PrioritiesDecidedOn" TEXT NULL,
    "InputOpensOn" TEXT NULL,
    "InputClosesOn" TEXT NULL,
    "ExecutiveDiscussionOn" TEXT NULL,
    "CirculatedOn" TEXT NULL,
    "CommentDeadline" TEXT NULL,
    "ApprovalMeetingOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_RefreshTimelines_PlanEditions_EditionId" FOREIGN KEY ("EditionId") REFERENCES "PlanEditions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ConsultationComments_ActionId" ON "ConsultationComments" ("ActionId");

CREATE UNIQUE INDEX "IX_ConsultationComments_EditionId_PriorityId_Sequence" ON "ConsultationComments" ("EditionId", "PriorityId", "Sequence");

CREATE INDEX "IX_ConsultationComments_MilestoneId" ON "ConsultationComments" ("MilestoneId");

CREATE INDEX "IX_ConsultationComments_PriorityId" ON "ConsultationComments" ("PriorityId");

CREATE INDEX "IX_ConsultationLinks_EditionId" ON "ConsultationLinks" ("EditionId");

CREATE UNIQUE INDEX "IX_ConsultationLinks_TokenHash" ON "ConsultationLinks" ("TokenHash");

CREATE UNIQUE INDEX "IX_Consultations_EditionId" ON "Consultations" ("EditionId");

CREATE UNIQUE INDEX "IX_RefreshTimelines_EditionId" ON "RefreshTimelines" ("EditionId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130040318_RefreshTimelinesAndConsultation', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "RefreshChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RefreshChanges" PRIMARY KEY AUTOINCREMENT,
    "EditionId" INTEGER NOT NULL,
    "PriorityId" INTEGER NULL,
    "Sequence" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "WrittenBy" TEXT NOT NULL,
    "WrittenAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_RefreshChanges_PlanEditions_EditionId" FOREIGN KEY ("EditionId") REFERENCES "PlanEditions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RefreshChanges_Priorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "Priorities" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_RefreshChanges_EditionId_PriorityId_Sequence" ON "RefreshChanges" ("EditionId", "PriorityId", "Sequence");

CREATE INDEX "IX_RefreshChanges_PriorityId" ON "RefreshChanges" ("PriorityId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130043933_RefreshChanges', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "BodyMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BodyMembers" PRIMARY KEY AUTOINCREMENT,
    "BodyId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    CONSTRAINT "FK_BodyMembers_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BodyMembers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_BodyMembers_BodyId_PersonId" ON "BodyMembers" ("BodyId", "PersonId");

CREATE INDEX "IX_BodyMembers_PersonId" ON "BodyMembers" ("PersonId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130053109_BodyMembers', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "CalendarFeeds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_CalendarFeeds_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FundingPlans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FundingPlans" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "YearStart" INTEGER NOT NULL,
    "AgreedOn" TEXT NULL,
    "AgreedBy" TEXT NULL,
    "AgreementMinute" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FundingPlans_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FundingStreams" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FundingStreams" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "YearStart" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Funder" TEXT NULL,
    "Amount" TEXT NOT NULL,
    "Received" INTEGER NOT NULL,
    "Conditions" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FundingStreams_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Meetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "BodyId" INTEGER NOT NULL,
    "YearStart" INTEGER NOT NULL,
    "MeetsOn" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "Place" TEXT NULL,
    "IsPublic" INTEGER NOT NULL,
    "IsCancelled" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "ScheduleSlot" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Meetings_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Meetings_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "NeighbourhoodPanels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NeighbourhoodPanels" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "WardList" TEXT NOT NULL,
    "PolicingTeam" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_NeighbourhoodPanels_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE TABLE "StatutoryDuties" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StatutoryDuties" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "YearStart" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "StartsOn" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "OwnerPersonId" INTEGER NULL,
    "OwnerRole" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    "LastRemindedOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_StatutoryDuties_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_StatutoryDuties_People_OwnerPersonId" FOREIGN KEY ("OwnerPersonId") REFERENCES "People" ("Id") ON DELETE SET NULL
);

CREATE TABLE "FundingAllocations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FundingAllocations" PRIMARY KEY AUTOINCREMENT,
    "StreamId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Note" TEXT NULL,
    "PriorityId" INTEGER NULL,
    "ActionId" INTEGER NULL,
    "MilestoneId" INTEGER NULL,
    "Outcome" TEXT NULL,
    "Results" TEXT NULL,
    "Marking" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FundingAllocations_Actions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "Actions" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_FundingAllocations_FundingStreams_StreamId" FOREIGN KEY ("StreamId") REFERENCES "FundingStreams" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_FundingAllocations_Milestones_MilestoneId" FOREIGN KEY ("MilestoneId") REFERENCES "Milestones" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_FundingAllocations_Priorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "Priorities" ("Id") ON DELETE SET NULL
);

CREATE TABLE "AgendaItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaItems" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Paper" TEXT NOT NULL,
    "PaperKey" TEXT NULL,
    CONSTRAINT "FK_AgendaItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MeetingDecisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingDecisions" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Minute" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "SubjectKey" TEXT NULL,
    CONSTRAINT "FK_MeetingDecisions_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PanelMeetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PanelMeetings" PRIMARY KEY AUTOINCREMENT,
    "PanelId" INTEGER NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PanelMeetings_NeighbourhoodPanels_PanelId" FOREIGN KEY ("PanelId") REFERENCES "NeighbourhoodPanels" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FundingSpending" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FundingSpending" PRIMARY KEY AUTOINCREMENT,
    "PartnershipId" INTEGER NOT NULL,
    "AllocationId" INTEGER NOT NULL,
    "SpentOn" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Payee" TEXT NULL,
    "PayeeIsPublic" INTEGER NOT NULL,
    "Purchase" TEXT NOT NULL,
    "TransactionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FundingSpending_FundingAllocations_AllocationId" FOREIGN KEY ("AllocationId") REFERENCES "FundingAllocations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_FundingSpending_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id")
);

CREATE TABLE "PanelPriorities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PanelPriorities" PRIMARY KEY AUTOINCREMENT,
    "PanelId" INTEGER NOT NULL,
    "RaisedAtId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Ward" TEXT NULL,
    "Route" TEXT NOT NULL,
    "RouteBodyId" INTEGER NULL,
    "RouteContactId" INTEGER NULL,
    "Marking" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ReportBack" TEXT NULL,
    "ReportedBackAtId" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PanelPriorities_Bodies_RouteBodyId" FOREIGN KEY ("RouteBodyId") REFERENCES "Bodies" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PanelPriorities_NeighbourhoodPanels_PanelId" FOREIGN KEY ("PanelId") REFERENCES "NeighbourhoodPanels" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PanelPriorities_PanelMeetings_RaisedAtId" FOREIGN KEY ("RaisedAtId") REFERENCES "PanelMeetings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PanelPriorities_PanelMeetings_ReportedBackAtId" FOREIGN KEY ("ReportedBackAtId") REFERENCES "PanelMeetings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PanelPriorities_People_RouteContactId" FOREIGN KEY ("RouteContactId") REFERENCES "People" ("Id") ON DELETE SET NULL
);

CREATE TABLE "PanelActions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PanelActions" PRIMARY KEY AUTOINCREMENT,
    "PriorityId" INTEGER NOT NULL,
    "TakenOn" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "TakenBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PanelActions_PanelPriorities_PriorityId" FOREIGN KEY ("PriorityId") REFERENCES "PanelPriorities" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AgendaItems_MeetingId" ON "AgendaItems" ("MeetingId");

CREATE UNIQUE INDEX "IX_CalendarFeeds_TokenHash" ON "CalendarFeeds" ("TokenHash");

CREATE INDEX "IX_CalendarFeeds_UserId" ON "CalendarFeeds" ("UserId");

CREATE INDEX "IX_FundingAllocations_ActionId" ON "FundingAllocations" ("ActionId");

CREATE INDEX "IX_FundingAllocations_MilestoneId" ON "FundingAllocations" ("MilestoneId");

CREATE INDEX "IX_FundingAllocations_PriorityId" ON "FundingAllocations" ("PriorityId");

CREATE INDEX "IX_FundingAllocations_StreamId" ON "FundingAllocations" ("StreamId");

CREATE UNIQUE INDEX "IX_FundingPlans_PartnershipId_YearStart" ON "FundingPlans" ("PartnershipId", "YearStart");

CREATE INDEX "IX_FundingSpending_AllocationId" ON "FundingSpending" ("AllocationId");

CREATE UNIQUE INDEX "IX_FundingSpending_PartnershipId_TransactionId" ON "FundingSpending" ("PartnershipId", "TransactionId");

CREATE UNIQUE INDEX "IX_FundingStreams_PartnershipId_YearStart_Name" ON "FundingStreams" ("PartnershipId", "YearStart", "Name");

CREATE INDEX "IX_MeetingDecisions_MeetingId" ON "MeetingDecisions" ("MeetingId");

CREATE INDEX "IX_Meetings_BodyId" ON "Meetings" ("BodyId");

CREATE UNIQUE INDEX "IX_Meetings_PartnershipId_BodyId_ScheduleSlot" ON "Meetings" ("PartnershipId", "BodyId", "ScheduleSlot");

CREATE INDEX "IX_Meetings_PartnershipId_YearStart_MeetsOn" ON "Meetings" ("PartnershipId", "YearStart", "MeetsOn");

CREATE UNIQUE INDEX "IX_NeighbourhoodPanels_PartnershipId_Name" ON "NeighbourhoodPanels" ("PartnershipId", "Name");

CREATE INDEX "IX_PanelActions_PriorityId" ON "PanelActions" ("PriorityId");

CREATE INDEX "IX_PanelMeetings_PanelId_HeldOn" ON "PanelMeetings" ("PanelId", "HeldOn");

CREATE INDEX "IX_PanelPriorities_PanelId" ON "PanelPriorities" ("PanelId");

CREATE INDEX "IX_PanelPriorities_RaisedAtId" ON "PanelPriorities" ("RaisedAtId");

CREATE INDEX "IX_PanelPriorities_ReportedBackAtId" ON "PanelPriorities" ("ReportedBackAtId");

CREATE INDEX "IX_PanelPriorities_RouteBodyId" ON "PanelPriorities" ("RouteBodyId");

CREATE INDEX "IX_PanelPriorities_RouteContactId" ON "PanelPriorities" ("RouteContactId");

CREATE INDEX "IX_StatutoryDuties_OwnerPersonId" ON "StatutoryDuties" ("OwnerPersonId");

CREATE UNIQUE INDEX "IX_StatutoryDuties_PartnershipId_YearStart_Key" ON "StatutoryDuties" ("PartnershipId", "YearStart", "Key");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130054253_FundingMeetingsAndPanels', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Partnerships" ADD "BoardId" INTEGER NULL;

ALTER TABLE "Indicators" ADD "SpcBaselineFromMonth" INTEGER NULL;

ALTER TABLE "Indicators" ADD "SpcBaselineToMonth" INTEGER NULL;

CREATE INDEX "IX_Partnerships_BoardId" ON "Partnerships" ("BoardId");

CREATE TABLE "ef_temp_Partnerships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Partnerships" PRIMARY KEY AUTOINCREMENT,
    "Area" TEXT NOT NULL,
    "AreaDefinition" TEXT NULL,
    "BoardId" INTEGER NULL,
    "ChangeStamp" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    CONSTRAINT "FK_Partnerships_Bodies_BoardId" FOREIGN KEY ("BoardId") REFERENCES "Bodies" ("Id") ON DELETE SET NULL
);

INSERT INTO "ef_temp_Partnerships" ("Id", "Area", "AreaDefinition", "BoardId", "ChangeStamp", "Name", "ShortName", "Slug")
SELECT "Id", "Area", "AreaDefinition", "BoardId", "ChangeStamp", "Name", "ShortName", "Slug"
FROM "Partnerships";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Partnerships";

ALTER TABLE "ef_temp_Partnerships" RENAME TO "Partnerships";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Partnerships_BoardId" ON "Partnerships" ("BoardId");

CREATE UNIQUE INDEX "IX_Partnerships_Slug" ON "Partnerships" ("Slug");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130063953_SpcBaselineAndPartnershipBoard', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "Lsoas" ADD "ComparatorAreaId" INTEGER NULL;

CREATE TABLE "ComparatorAreas" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ComparatorAreas" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Code" TEXT NULL
);

CREATE TABLE "AreaPopulations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AreaPopulations" PRIMARY KEY AUTOINCREMENT,
    "ComparatorAreaId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Residents" INTEGER NOT NULL,
    "Dwellings" INTEGER NULL,
    "Source" TEXT NULL,
    "Synthetic" INTEGER NOT NULL,
    CONSTRAINT "FK_AreaPopulations_ComparatorAreas_ComparatorAreaId" FOREIGN KEY ("ComparatorAreaId") REFERENCES "ComparatorAreas" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnershipPeers" (
    "PartnershipId" INTEGER NOT NULL,
    "ComparatorAreaId" INTEGER NOT NULL,
    CONSTRAINT "PK_PartnershipPeers" PRIMARY KEY ("PartnershipId", "ComparatorAreaId"),
    CONSTRAINT "FK_PartnershipPeers_ComparatorAreas_ComparatorAreaId" FOREIGN KEY ("ComparatorAreaId") REFERENCES "ComparatorAreas" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PartnershipPeers_Partnerships_PartnershipId" FOREIGN KEY ("PartnershipId") REFERENCES "Partnerships" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Lsoas_ComparatorAreaId" ON "Lsoas" ("ComparatorAreaId");

CREATE UNIQUE INDEX "IX_AreaPopulations_ComparatorAreaId_Year" ON "AreaPopulations" ("ComparatorAreaId", "Year");

CREATE UNIQUE INDEX "IX_ComparatorAreas_Name" ON "ComparatorAreas" ("Name");

CREATE INDEX "IX_PartnershipPeers_ComparatorAreaId" ON "PartnershipPeers" ("ComparatorAreaId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130072605_ComparatorAreas', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ef_temp_PlanEditions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanEditions" PRIMARY KEY AUTOINCREMENT,
    "ApprovalMinute" TEXT NULL,
    "ApprovedBy" TEXT NULL,
    "ApprovedOn" TEXT NULL,
    "Label" TEXT NULL,
    "PlanId" INTEGER NOT NULL,
    "PreviousEditionId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "YearStart" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanEditions_PlanEditions_PreviousEditionId" FOREIGN KEY ("PreviousEditionId") REFERENCES "PlanEditions" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PlanEditions_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_PlanEditions" ("Id", "ApprovalMinute", "ApprovedBy", "ApprovedOn", "Label", "PlanId", "PreviousEditionId", "Status", "Title", "Version", "YearStart")
SELECT "Id", "ApprovalMinute", "ApprovedBy", "ApprovedOn", "Label", "PlanId", "PreviousEditionId", "Status", "Title", "Version", "YearStart"
FROM "PlanEditions";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "PlanEditions";

ALTER TABLE "ef_temp_PlanEditions" RENAME TO "PlanEditions";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE UNIQUE INDEX "IX_PlanEditions_PlanId_YearStart" ON "PlanEditions" ("PlanId", "YearStart");

CREATE INDEX "IX_PlanEditions_PreviousEditionId" ON "PlanEditions" ("PreviousEditionId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203163850_EditionLabelOptional', '10.0.15');

BEGIN TRANSACTION;
UPDATE "PlanEditions" SET "Label" = NULL WHERE "Label" = 'Draft';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203163900_EditionLabelDraftCleared', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Bodies" ADD "Version" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203195148_BodyVersion', '10.0.15');

COMMIT;

