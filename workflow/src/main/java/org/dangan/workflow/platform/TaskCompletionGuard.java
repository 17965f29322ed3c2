package org.dangan.workflow.platform;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Lets a completion carry only the variables its task's {@link TaskForm} names, each of its kind
 * and within its limits, whoever completes and however (screens, Tasklist, engine REST): a variable
 * sent with a completion is written into the process, where it would otherwise overwrite the ids
 * and candidate groups the process was started with, or store megabytes of bytes. The check sits
 * in the engine's command chain because only the command still knows which variables were sent;
 * the complete listener sees them already merged into the process.
 *
 * <p>The other task commands a candidate reaches with TASK_WORK are narrowed here too: no Dang'an
 * process catches a BPMN error or escalation thrown from a task, so one sent by a client would
 * jump past the task's listeners (and carry any variables); a claim may name only the claimant;
 * comments and attachments, which the engine stores without any authorization check and unbounded,
 * are for administrators. Commands run without an authenticated user are our own services'. A
 * completion refused, by the guard or by the task's complete listener, leaves the engine as a form
 * field's validation failure carrying the {@link Refused}.
 */
@Component
class TaskCompletionGuard implements ProcessEnginePlugin {

    private final ObjectProvider<TaskForm.Forms> formProviders;
    private final ObjectProvider<MessageSource> messages;
    private final ObjectProvider<LocaleResolver> locales;
    private volatile Map<String, TaskForm> forms;

    TaskCompletionGuard(
            ObjectProvider<TaskForm.Forms> formProviders,
            ObjectProvider<MessageSource> messages,
            ObjectProvider<LocaleResolver> locales) {
        this.formProviders = formProviders;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
                    throw refusal(Refused.forbidden("task.noBpmnEvent"));
                } else if (command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd) {
                    checkClaimant(command);
                } else if (command instanceof AddCommentCmd
                        || command instanceof UpdateCommentCmd
                        || command instanceof CreateAttachmentCmd
                        || command instanceof SaveAttachmentCmd) {
                    checkAdministrator();
                }
                if (!(command instanceof CompleteTaskCmd) && !(command instanceof SubmitTaskFormCmd)) {
                    return next.execute(command);
                }
                try {
                    check(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
                    return next.execute(command);
                } catch (ProcessEngineException e) {
                    // a complete listener's refusal arrives wrapped as an engine failure (ENGINE-03051)
                    if (EngineErrors.domainCause(e) instanceof Refused r) {
                        throw completionRefused(r);
                    }
                    throw e;
                }
            }
        });
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // nothing after the configuration is built
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        // nothing once the engine runs
    }

    /** A user may claim a task, or have it delegated, only for themselves; an administrator for anyone. */
    private void checkClaimant(Command<?> command) {
        Authentication user = Context.getCommandContext().getAuthentication();
        Object claimant = read(command, "userId");
        if (user == null || claimant == null || claimant.equals(user.getUserId()) || isAdministrator()) {
            return;
        }
        throw refusal(Refused.forbidden("task.claimForOther"));
    }

    private void checkAdministrator() {
        if (Context.getCommandContext().getAuthentication() != null && !isAdministrator()) {
            throw refusal(Refused.forbidden("task.notesForAdministrators"));
        }
    }

    private static boolean isAdministrator() {
        CommandContext context = Context.getCommandContext();
        return context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication());
    }

    private void check(Command<?> command, String variablesField) {
        Map<?, ?> sent = (Map<?, ?>) read(command, variablesField);
        if (sent == null || sent.isEmpty()) {
            return;
        }
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById((String) read(command, "taskId"));
        if (task == null || task.getProcessDefinitionId() == null) {
            return; // the command answers an unknown task itself; a task outside any process is an administrator's
        }
        String process = Context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId())
                .getKey();
        TaskForm form = forms().get(process + "/" + task.getTaskDefinitionKey());
        for (Object name : sent.keySet()) {
            TaskForm.Field field = form == null ? null : form.fields().get(name.toString());
            if (field == null) {
                throw refusal(Refused.invalid(
                        "task.variableUnknown", Refused.echo(name.toString()), task.getTaskDefinitionKey()));
            }
            Object typed = sent instanceof VariableMap map ? map.getValueTyped(field.name()) : sent.get(name);
            validate(field, value(field, typed));
        }
    }

    /** The plain value of a typed one; bytes, files and serialized objects a client sent are refused. */
    private Object value(TaskForm.Field field, Object sent) {
        Object value = sent;
        if (sent instanceof TypedValue typed) {
            if (typed instanceof FileValue || typed instanceof ObjectValue object && !object.isDeserialized()) {
                throw refusal(Refused.invalid("task.variableKind", field.name()));
            }
            value = typed.getValue();
        }
        if (value instanceof byte[] || value instanceof InputStream) {
            throw refusal(Refused.invalid("task.variableKind", field.name()));
        }
        return value;
    }

    private void validate(TaskForm.Field field, Object value) {
        if (value == null) {
            return;
        }
        boolean valid = switch (field.kind()) {
            case BOOLEAN -> value instanceof Boolean;
            case TEXT -> value instanceof String text && withinLength(field, text);
            case CHOICE -> value instanceof String choice && field.choices().contains(choice);
            case TEXT_LIST ->
                value instanceof Collection<?> items
                        && items.size() <= field.maxItems()
                        && items.stream()
                                .allMatch(i -> i instanceof String s && withinLength(field, s) || i instanceof Number);
            case TEXT_MAP ->
                value instanceof Map<?, ?> entries
                        && entries.size() <= field.maxItems()
                        && entries.entrySet().stream()
                                .allMatch(e -> e.getKey() instanceof String k
                                        && withinLength(field, k)
                                        && (e.getValue() == null
                                                || e.getValue() instanceof String v && withinLength(field, v)));
        };
        if (!valid) {
            throw refusal(Refused.invalid("task.variableInvalid", field.name(), field.maxLength(), field.maxItems()));
        }
    }

    private static boolean withinLength(TaskForm.Field field, String text) {
        return text.length() <= field.maxLength();
    }

    /**
     * Camunda's REST API answers a bad user request with 400 (any other engine exception with 500),
     * and the engine logs it at debug level rather than as an ERROR with a stack trace, as a refused
     * input should be; our own services unwrap the refusal ({@link EngineErrors}).
     */
    private BadUserRequestException refusal(Refused refused) {
        return new BadUserRequestException(text(refused), refused);
    }

    /**
     * Camunda's REST API answers a refused completion or form submission with 400 only for a form
     * field's validation failure (anything else is a 500), so a completion's refusal is one.
     */
    private FormFieldValidationException completionRefused(Refused refused) {
        return new FormFieldValidationException(refused.key(), text(refused), refused);
    }

    /**
     * The engine's REST API and Tasklist show an exception's message as it is: the refusal in the
     * caller's language (Chinese unless the request asks otherwise), its key after it in brackets
     * for a client to act on, since Camunda's error body has no field of ours to carry it.
     */
    private String text(Refused refused) {
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        LocaleResolver resolver = locales.getIfAvailable();
        if (resolver != null
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            locale = resolver.resolveLocale(request.getRequest());
        }
        MessageSource source = messages.getIfAvailable();
        String text = source == null
                ? refused.key()
                : source.getMessage(refused.key(), refused.arguments(), refused.key(), locale);
        return text + " [" + refused.key() + "]";
    }

    private Map<String, TaskForm> forms() {
        Map<String, TaskForm> known = forms;
        if (known == null) {
            known = new HashMap<>();
            for (TaskForm.Forms provider : formProviders) {
                for (TaskForm form : provider.forms()) {
                    known.put(form.process() + "/" + form.task(), form);
                }
            }
            forms = known;
        }
        return known;
    }

    /** The engine's commands keep what they were given in protected fields and offer no getter. */
    private static Object read(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
    }
}
