/**
 * Shared kernel used by every module: problem details, request limits, names, pagination
 * cursors, entity tags, merge patches, the current actor and time.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.steward.common;

import org.springframework.modulith.ApplicationModule;
